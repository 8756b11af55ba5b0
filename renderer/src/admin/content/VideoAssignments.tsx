import { Card, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { riderGroups, type ContentVideo, type RiderGroup } from '../../../../shared/contract/content';

export interface VideoAssignmentsProps {
  videos: ContentVideo[] | undefined;
  assignments: Record<RiderGroup, string> | undefined;
  onAssign(group: RiderGroup, video: ContentVideo): void;
}

/** 观看安排: which video first-time and repeat riders watch; only active, non-test videos are offered. */
export function VideoAssignments({ videos, assignments, onAssign }: VideoAssignmentsProps) {
  const { t } = useTranslation();
  const choices = (videos ?? []).filter((v) => v.active && v.audience !== 'test');
  return (
    <Card size="small" title={t('content.assign.title')}>
      <Form layout="horizontal" labelCol={{ flex: '260px' }} labelWrap disabled={!videos}>
        {riderGroups.map((group) => (
          <Form.Item
            key={group}
            label={t(`content.assign.${group}`)}
            htmlFor={`assign-${group}`}
            style={{ marginBottom: 12 }}
          >
            <Select
              id={`assign-${group}`}
              value={assignments?.[group]}
              options={choices.map((v) => ({ value: v.id, label: v.title }))}
              onChange={(id: string) =>
                onAssign(
                  group,
                  choices.find((v) => v.id === id)!,
                )
              }
              style={{ width: 360 }}
            />
          </Form.Item>
        ))}
        <Typography.Text type="secondary">{t('content.assign.hint')}</Typography.Text>
      </Form>
    </Card>
  );
}
