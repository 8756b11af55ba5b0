import { Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cityEvents } from '../../../shared/contract/city';
import type { LinkState } from '../../../shared/contract/city';
import type { Ack } from '../../../shared/contract/result';
import { formatTime } from '../admin/format';
import { FeedbackAlert, type Feedback } from '../admin/FeedbackAlert';
import { zodRule } from '../admin/zod-rule';
import { LinkStatusTag } from './LinkStatusTag';

const enrolShape = cityEvents['link:enrol'].request.shape;

export interface CityLinkPanelProps {
  state: LinkState | undefined;
  timeZone: string;
  onEnrol(cityUrl: string, code: string): Promise<Ack<LinkState>>;
}

/** 管理 → 全市联网: enrol this post with the city's one-time code, then see how far its records have got. */
export function CityLinkPanel({ state, timeZone, onEnrol }: CityLinkPanelProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>();

  const enrol = async (v: { cityUrl: string; code: string }) => {
    setBusy(true);
    const r = await onEnrol(v.cityUrl.trim(), v.code.trim());
    setBusy(false);
    if (!r.ok) setFeedback({ type: 'error', text: r.error.message });
    else if (r.value.enrolled)
      setFeedback({ type: 'success', text: t('city.link.enrolled', { name: r.value.postName, id: r.value.postId }) });
  };

  return (
    <Card size="small" title={t('city.link.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('city.link.intro')}
        </Typography.Paragraph>
        {state?.enrolled ? (
          <Descriptions column={1} size="small" styles={{ label: { width: 160 } }}>
            <Descriptions.Item label={t('city.link.server')}>{state.cityUrl}</Descriptions.Item>
            <Descriptions.Item label={t('city.link.post')}>
              {t('city.link.enrolled', { name: state.postName, id: state.postId })}
            </Descriptions.Item>
            <Descriptions.Item label={t('city.link.state')}>
              <LinkStatusTag />
            </Descriptions.Item>
            <Descriptions.Item label={t('city.link.waiting')}>
              {t('city.link.waitingCount', { count: state.pending })}
            </Descriptions.Item>
            {state.offlineSince !== null && (
              <Descriptions.Item label={t('city.link.offlineSince')}>
                {formatTime(state.offlineSince, timeZone)}
              </Descriptions.Item>
            )}
            {state.message && <Descriptions.Item label={t('city.link.message')}>{state.message}</Descriptions.Item>}
          </Descriptions>
        ) : (
          <>
            <Typography.Text>{t('city.link.notEnrolled')}</Typography.Text>
            <Form layout="vertical" requiredMark={false} onFinish={enrol} disabled={!state}>
              <Form.Item name="cityUrl" label={t('city.link.cityUrl')} rules={[zodRule(enrolShape.cityUrl)]}>
                <Input placeholder={t('city.link.cityUrlHint')} autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="code"
                label={t('city.link.code')}
                extra={t('city.link.codeHint')}
                rules={[zodRule(enrolShape.code)]}
              >
                <Input inputMode="numeric" maxLength={8} autoComplete="off" style={{ width: 200 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('city.link.enrol')}
              </Button>
            </Form>
          </>
        )}
        <FeedbackAlert feedback={feedback} onClose={() => setFeedback(undefined)} />
      </Space>
    </Card>
  );
}
