import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from './useFormSubmit';

export interface SetupScreenProps {
  onCreate(admin: { badge: string; name: string; pin: string }): Promise<string | undefined>;
}

/** First run on an empty database: creates the first admin. There is no default password. */
export function SetupScreen({ onCreate }: SetupScreenProps) {
  const { t } = useTranslation();
  const { error, busy, submit } = useFormSubmit((v: { badge: string; name: string; pin: string }) =>
    onCreate({ badge: v.badge.trim(), name: v.name.trim(), pin: v.pin }),
  );

  return (
    <main className="center-screen">
      <Card style={{ width: 440 }}>
        <Typography.Title level={1} className="card-title">
          {t('setup.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item
            label={t('login.badge')}
            name="badge"
            rules={[{ required: true, pattern: /^[0-9]{4,10}$/, message: '警号应为 4–10 位数字' }]}
          >
            <Input size="large" autoFocus inputMode="numeric" maxLength={10} />
          </Form.Item>
          <Form.Item
            label={t('setup.name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
          >
            <Input size="large" maxLength={32} />
          </Form.Item>
          <Form.Item label={t('login.pin')} name="pin" rules={[{ required: true, min: 6, message: '密码至少 6 位' }]}>
            <Input.Password size="large" autoComplete="new-password" maxLength={64} />
          </Form.Item>
          <Form.Item
            label={t('setup.confirm')}
            name="confirm"
            dependencies={['pin']}
            rules={[
              { required: true, message: '请再次输入密码' },
              ({ getFieldValue }) => ({
                validator: (_r, value) =>
                  value === getFieldValue('pin') ? Promise.resolve() : Promise.reject(new Error(t('setup.mismatch'))),
              }),
            ]}
          >
            <Input.Password size="large" autoComplete="new-password" maxLength={64} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('setup.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
