import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CityRiderReport } from '../../../../shared/contract/city-riders';
import { when } from './stop-time';

/** The chiefs' notice: each rider the city found waived here and at another post inside the window. */
export function CityReports({ reports, now, timeZone }: { reports: CityRiderReport[]; now: number; timeZone: string }) {
  const { t } = useTranslation();
  if (!reports.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="city-reports"
      style={{ marginBottom: 12 }}
      title={t('helmet.cityReports.title')}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('helmet.cityReports.hint')}
          </Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {reports.map((r) => (
              <li key={r.reportId}>
                {t('helmet.cityReports.item', {
                  at: when(r.stoppedAt, now, timeZone),
                  plate: r.plate ?? t('helmet.cityReports.noPlate'),
                  outcome: t(`helmet.outcome.${r.outcome}`),
                  post: r.otherPostName,
                  otherAt: when(r.otherStoppedAt, now, timeZone),
                  otherOutcome: t(`helmet.outcome.${r.otherOutcome}`),
                })}
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}
