import { Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cityEvents, type CityPostInfo, type NewCityPost } from '../../../shared/contract/city';
import type { Ack } from '../../../shared/contract/result';
import { formatTime } from '../admin/format';
import { FeedbackAlert, type Feedback } from '../admin/FeedbackAlert';
import { zodRule } from '../admin/zod-rule';

export interface CityPostsPanelProps {
  posts: CityPostInfo[] | undefined;
  timeZone: string;
  onCreate(name: string): Promise<Ack<NewCityPost>>;
  onRefresh(): void;
}

/** 管理 → 全市岗位 (city server): create a post and hand its admin the one-time code; see every post's link. */
export function CityPostsPanel({ posts, timeZone, onCreate, onRefresh }: CityPostsPanelProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>();

  const create = async ({ name }: { name: string }) => {
    setBusy(true);
    const r = await onCreate(name);
    setBusy(false);
    if (!r.ok) return setFeedback({ type: 'error', text: r.error.message });
    form.resetFields();
    setFeedback({
      type: 'success',
      text: t('city.posts.created', {
        name: r.value.name,
        code: r.value.code,
        expires: formatTime(r.value.expiresAt, timeZone),
      }),
    });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('city.posts.create')}>
        <Form form={form} layout="inline" requiredMark={false} onFinish={create}>
          <Form.Item
            name="name"
            label={t('city.posts.name')}
            rules={[zodRule(cityEvents['city:createPost'].request.shape.name)]}
          >
            <Input placeholder={t('city.posts.nameHint')} maxLength={40} style={{ width: 280 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('city.posts.create')}
          </Button>
        </Form>
        <div style={{ marginTop: 12 }}>
          <FeedbackAlert feedback={feedback} onClose={() => setFeedback(undefined)} />
        </div>
      </Card>
      <Card
        size="small"
        title={t('city.posts.title')}
        extra={<Button onClick={onRefresh}>{t('city.posts.refresh')}</Button>}
      >
        <Table<CityPostInfo>
          rowKey="postId"
          size="small"
          pagination={false}
          loading={!posts}
          dataSource={posts}
          locale={{ emptyText: t('city.posts.none') }}
          columns={[
            { title: t('city.posts.id'), dataIndex: 'postId', width: 72 },
            { title: t('city.posts.name'), dataIndex: 'name' },
            {
              title: t('city.posts.status'),
              key: 'status',
              render: (_, p) =>
                p.flaggedReason ? (
                  <Tag color="red">{t('city.posts.flagged', { reason: p.flaggedReason })}</Tag>
                ) : p.enrolled ? (
                  <Tag color="green">{t('city.posts.enrolled')}</Tag>
                ) : (
                  <Tag>{t('city.posts.waitingCode')}</Tag>
                ),
            },
            { title: t('city.posts.head'), dataIndex: 'headSeq', align: 'right' },
            {
              title: t('city.posts.lastIngest'),
              dataIndex: 'lastIngestAt',
              render: (at: number | null) => (at === null ? t('city.posts.never') : formatTime(at, timeZone)),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
