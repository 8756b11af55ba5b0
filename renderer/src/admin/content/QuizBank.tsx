import { Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContentVideo, QuizQuestionEntry } from '../../../../shared/contract/content';
import { optionLetter } from './option-letter';

export interface QuizBankProps {
  questions: QuizQuestionEntry[] | undefined;
  videos: ContentVideo[] | undefined;
  minActive: number;
  onAdd(): void;
  onEdit(question: QuizQuestionEntry): void;
  onSetActive(question: QuizQuestionEntry, active: boolean): void;
}

/** 题库: each question with its options (the correct one marked), linked video, 编辑 and 停用 / 启用. */
export function QuizBank({ questions, videos, minActive, onAdd, onEdit, onSetActive }: QuizBankProps) {
  const { t } = useTranslation();
  const videoTitle = (id: string | null) =>
    id === null ? t('content.quiz.general') : (videos?.find((v) => v.id === id)?.title ?? id);
  const active = questions?.filter((q) => q.active).length ?? 0;

  const columns: TableColumnsType<QuizQuestionEntry> = [
    {
      title: t('content.quiz.question'),
      render: (_v, q) => (
        <Space orientation="vertical" size={4}>
          <Typography.Text strong>{q.question}</Typography.Text>
          <Space size={[4, 4]} wrap>
            {q.options.map((o, i) => (
              <Tag key={i} color={i === q.answer ? 'green' : undefined}>
                {i === q.answer && '✓ '}
                {optionLetter(i)}. {o}
              </Tag>
            ))}
          </Space>
        </Space>
      ),
    },
    { title: t('content.quiz.video'), dataIndex: 'videoId', width: 200, render: videoTitle },
    {
      title: t('content.quiz.status'),
      dataIndex: 'active',
      width: 100,
      render: (on: boolean) => (
        <Tag color={on ? 'green' : 'default'}>{on ? t('content.quiz.active') : t('content.quiz.inactive')}</Tag>
      ),
    },
    {
      title: t('content.quiz.actions'),
      width: 160,
      render: (_v, q) => (
        <Space>
          <Button onClick={() => onEdit(q)}>{t('content.quiz.edit')}</Button>
          {q.active ? (
            <Popconfirm
              title={t('content.quiz.confirmDeactivate')}
              okText={t('content.quiz.deactivate')}
              cancelText={t('common.cancel')}
              onConfirm={() => onSetActive(q, false)}
            >
              <Button danger>{t('content.quiz.deactivate')}</Button>
            </Popconfirm>
          ) : (
            <Button onClick={() => onSetActive(q, true)}>{t('content.quiz.activate')}</Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('content.quiz.title')}
      extra={
        <Button type="primary" onClick={onAdd}>
          {t('content.quiz.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('content.quiz.count', { active, total: questions?.length ?? 0, min: minActive })}
      </Typography.Paragraph>
      <Table<QuizQuestionEntry>
        rowKey="id"
        columns={columns}
        dataSource={questions}
        loading={!questions}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        size="small"
        locale={{ emptyText: t('content.quiz.empty') }}
      />
    </Card>
  );
}
