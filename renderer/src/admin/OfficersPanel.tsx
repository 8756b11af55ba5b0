import { Alert, Button, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerAccount } from '../../../shared/contract/admin';
import { badgeSchema, personNameSchema, pinSchema, type Officer } from '../../../shared/contract/auth';
import { roles, type Role } from '../../../shared/domain/roles';
import { FormDialog } from './FormDialog';
import type { NewOfficerInput } from './useOfficers';
import { zodRule } from './zod-rule';
import { FeedbackAlert, type Feedback } from './FeedbackAlert';

export interface OfficersPanelProps {
  officers: OfficerAccount[] | undefined;
  me: Officer;
  now: number;
  onCreate(officer: NewOfficerInput): Promise<string | undefined>;
  onSetActive(officerId: number, active: boolean): Promise<string | undefined>;
  onSetRole(officerId: number, role: Role): Promise<string | undefined>;
  onResetPin(officerId: number, pin: string): Promise<string | undefined>;
}

/** 管理 → 民警: the list, 新增民警, role, 停用/启用 and 重置密码. Pure: every change goes through the callbacks. */
export function OfficersPanel({ officers, me, now, onCreate, onSetActive, onSetRole, onResetPin }: OfficersPanelProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<OfficerAccount>();
  const [feedback, setFeedback] = useState<Feedback>();

  const report = (problem: string | undefined, success: string) =>
    setFeedback(problem ? { type: 'error', text: problem } : { type: 'success', text: success });
  const roleOptions = roles.map((r) => ({ value: r, label: t(`roles.${r}`) }));

  const columns: TableColumnsType<OfficerAccount> = [
    { title: t('admin.officers.badge'), dataIndex: 'badge', width: 120 },
    {
      title: t('admin.officers.name'),
      dataIndex: 'name',
      render: (name: string, o) => (
        <Space>
          {name}
          {o.id === me.id && <Tag>{t('admin.officers.you')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('admin.officers.role'),
      dataIndex: 'role',
      width: 160,
      render: (role: Role, o) => (
        <Select
          aria-label={`${t('admin.officers.role')} ${o.badge}`}
          value={role}
          options={roleOptions}
          style={{ width: 120 }}
          onChange={async (next: Role) =>
            report(
              await onSetRole(o.id, next),
              t('admin.officers.roleChanged', { name: o.name, role: t(`roles.${next}`) }),
            )
          }
        />
      ),
    },
    {
      title: t('admin.officers.status'),
      width: 160,
      render: (_v, o) => (
        <Space size={4}>
          <Tag color={o.active ? 'green' : 'default'}>
            {o.active ? t('admin.officers.active') : t('admin.officers.inactive')}
          </Tag>
          {o.lockedUntil > now && <Tag color="orange">{t('admin.officers.locked')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('admin.officers.actions'),
      width: 220,
      render: (_v, o) => (
        <Space>
          {o.active ? (
            <Popconfirm
              title={t('admin.officers.confirmDeactivate', { name: o.name, badge: o.badge })}
              okText={t('admin.officers.deactivate')}
              cancelText={t('common.cancel')}
              onConfirm={async () =>
                report(await onSetActive(o.id, false), `${t('admin.officers.deactivate')}：${o.name}`)
              }
            >
              <Button danger>{t('admin.officers.deactivate')}</Button>
            </Popconfirm>
          ) : (
            <Button
              onClick={async () =>
                report(await onSetActive(o.id, true), `${t('admin.officers.reactivate')}：${o.name}`)
              }
            >
              {t('admin.officers.reactivate')}
            </Button>
          )}
          {o.id !== me.id && <Button onClick={() => setResetting(o)}>{t('admin.officers.resetPin')}</Button>}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" size="large" onClick={() => setAdding(true)}>
          {t('admin.officers.add')}
        </Button>
      </Space>
      <FeedbackAlert feedback={feedback} onClose={() => setFeedback(undefined)} />
      <Table<OfficerAccount>
        rowKey="id"
        columns={columns}
        dataSource={officers}
        loading={!officers}
        pagination={false}
        size="middle"
        locale={{ emptyText: t('admin.officers.empty') }}
      />
      <FormDialog<NewOfficerInput>
        open={adding}
        title={t('admin.officers.add')}
        initialValues={{ role: 'officer' }}
        onClose={() => setAdding(false)}
        onSubmit={async (v) => {
          const problem = await onCreate({ ...v, badge: v.badge.trim(), name: v.name.trim() });
          if (!problem) report(undefined, t('admin.officers.created', { name: v.name.trim(), badge: v.badge.trim() }));
          return problem;
        }}
      >
        <Form.Item label={t('admin.officers.badge')} name="badge" rules={[zodRule(badgeSchema)]}>
          <Input inputMode="numeric" maxLength={10} autoFocus />
        </Form.Item>
        <Form.Item label={t('admin.officers.name')} name="name" rules={[zodRule(personNameSchema)]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item label={t('admin.officers.role')} name="role">
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item label={t('admin.officers.initialPin')} name="pin" rules={[zodRule(pinSchema)]}>
          <Input.Password autoComplete="new-password" maxLength={64} />
        </Form.Item>
      </FormDialog>
      <FormDialog<{ pin: string }>
        open={resetting !== undefined}
        title={resetting && t('admin.officers.resetTitle', { name: resetting.name, badge: resetting.badge })}
        intro={<Alert type="info" title={t('admin.officers.resetHint')} style={{ marginBottom: 16 }} />}
        onClose={() => setResetting(undefined)}
        onSubmit={async ({ pin }) => {
          const target = resetting!;
          const problem = await onResetPin(target.id, pin);
          if (!problem) report(undefined, t('admin.officers.pinReset', { name: target.name }));
          return problem;
        }}
      >
        <Form.Item label={t('admin.officers.newPin')} name="pin" rules={[zodRule(pinSchema)]}>
          <Input.Password autoComplete="new-password" maxLength={64} autoFocus />
        </Form.Item>
      </FormDialog>
    </Space>
  );
}
