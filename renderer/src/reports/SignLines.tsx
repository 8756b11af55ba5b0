import { useTranslation } from 'react-i18next';

export interface SignLine {
  label: string;
  /** Printed on the line; a blank line to sign by hand when absent. */
  value?: string;
}

/** The lines an official paper is signed on, and (optionally) the place for the unit's seal. */
export function SignLines({ lines, seal = true }: { lines: SignLine[]; seal?: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="print-signoff" data-testid="print-signoff">
      <div className="print-sign-lines">
        {lines.map((line, i) => (
          // A paper may repeat a label (two 签名 lines): the position is the line's identity.
          <p key={i}>
            {line.label}
            {line.value === undefined ? (
              <span className="print-sign-blank" />
            ) : (
              <span className="print-sign-value">{line.value}</span>
            )}
          </p>
        ))}
      </div>
      {seal && (
        <div className="print-seal" aria-label={t('reports.seal')}>
          {t('reports.seal')}
        </div>
      )}
    </section>
  );
}
