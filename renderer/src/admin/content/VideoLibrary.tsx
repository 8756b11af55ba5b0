import { Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContentVideo } from '../../../../shared/contract/content';
import { useDuration } from '../../common/useDuration';

export interface VideoLibraryProps {
  videos: ContentVideo[] | undefined;
  onUpload(): void;
  onSetActive(video: ContentVideo, active: boolean): void;
}

/** 内容 → 教育视频: every video, who watches it, and 停用 / 启用. */
export function VideoLibrary({ videos, onUpload, onSetActive }: VideoLibraryProps) {
  const { t } = useTranslation();
  const formatDuration = useDuration();
  const columns: TableColumnsType<ContentVideo> = [
    { title: t('content.videos.name'), dataIndex: 'title', ellipsis: true },
    {
      title: t('content.videos.duration'),
      dataIndex: 'durationSeconds',
      width: 90,
      render: (s: number) => formatDuration(Math.round(s) * 1000),
    },
    { title: t('content.videos.format'), dataIndex: 'format', width: 90, render: (f: string) => f.toUpperCase() },
    {
      title: t('content.videos.captions'),
      dataIndex: 'hasCaptions',
      width: 80,
      render: (has: boolean) =>
        has ? t('content.videos.hasCaptions') : <Tag color="red">{t('content.videos.noCaptions')}</Tag>,
    },
    {
      title: t('content.videos.usedBy'),
      width: 210,
      render: (_v, video) => (
        <Space size={4} wrap>
          {video.assignedTo.map((g) => (
            <Tag key={g} color="green">
              {t(`content.groups.${g}`)}
            </Tag>
          ))}
          {video.audience === 'test' && <Tag>{t('content.videos.testOnly')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('content.videos.source'),
      dataIndex: 'source',
      width: 80,
      render: (source: ContentVideo['source']) => t(`content.videos.${source}`),
    },
    {
      title: t('content.videos.status'),
      dataIndex: 'active',
      width: 100,
      render: (active: boolean) => (
        <Tag color={active ? 'green' : 'default'}>
          {active ? t('content.videos.active') : t('content.videos.inactive')}
        </Tag>
      ),
    },
    {
      title: t('content.videos.actions'),
      width: 100,
      render: (_v, video) =>
        video.active ? (
          <Popconfirm
            title={t('content.videos.confirmDeactivate', { title: video.title })}
            okText={t('content.videos.deactivate')}
            cancelText={t('common.cancel')}
            onConfirm={() => onSetActive(video, false)}
          >
            <Button danger aria-label={`${t('content.videos.deactivate')} ${video.title}`}>
              {t('content.videos.deactivate')}
            </Button>
          </Popconfirm>
        ) : (
          <Button
            aria-label={`${t('content.videos.activate')} ${video.title}`}
            onClick={() => onSetActive(video, true)}
          >
            {t('content.videos.activate')}
          </Button>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('content.videos.title')}
      extra={
        <Button type="primary" onClick={onUpload}>
          {t('content.videos.upload')}
        </Button>
      }
    >
      <Table<ContentVideo>
        rowKey="id"
        columns={columns}
        dataSource={videos}
        loading={!videos}
        pagination={false}
        size="small"
        locale={{ emptyText: t('content.videos.empty') }}
      />
    </Card>
  );
}
