import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { useFormSubmit } from './useFormSubmit';

export interface LoginScreenProps {
  postName: string;
  demo: boolean;
  /** Resolves to an error message, or undefined on success. */
  onLogin(badge: string, pin: string): Promise<string | undefined>;
}

export function LoginScreen({ postName, demo, onLogin }: LoginScreenProps) {
  const { t } = useTranslation();
  const { error, busy, submit } = useFormSubmit((v: { badge: string; pin: string }) => onLogin(v.badge.trim(), v.pin));

  return (
    <main className="center-screen">
      <Card style={{ width: 400 }}>
        <div className="login-head">
          <Typography.Title level={1} className="card-title" style={{ margin: 0 }}>
            {t('app.fullName')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">
          {postName} · {t('login.title')}
        </Typography.Paragraph>
        <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item
            label={t('login.badge')}
            name="badge"
            rules={[{ required: true, message: t('login.badgeNeeded') }]}
          >
            <Input size="large" autoFocus inputMode="numeric" autoComplete="username" maxLength={10} />
          </Form.Item>
          <Form.Item label={t('login.pin')} name="pin" rules={[{ required: true, message: t('login.pinNeeded') }]}>
            <Input.Password size="large" autoComplete="current-password" maxLength={64} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        {demo && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            {t('login.demoHint')}
          </Typography.Paragraph>
        )}
      </Card>
    </main>
  );
}
