import { Alert, Button } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';

/**
 * A form rule from the contract's own schema, so the booth says exactly what the core would. With
 * `optional`, an empty field passes (the core treats a blank as absent).
 */
export const schemaRule = (schema: z.ZodType, optional = false): Rule => ({
  validator: (_rule, value?: string) => {
    if (optional && !value?.trim()) return Promise.resolve();
    const r = schema.safeParse(value ?? '');
    return r.success ? Promise.resolve() : Promise.reject(new Error(r.error.issues[0]?.message));
  },
});

/** The end of every helmet form: the core's refusal if any, and 保存. */
export function SaveFooter({ error, busy }: { error: string | undefined; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" size="large" block loading={busy}>
        {t('helmet.form.save')}
      </Button>
    </>
  );
}
