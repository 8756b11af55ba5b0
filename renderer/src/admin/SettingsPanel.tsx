import { Button, Card, Form, Input, InputNumber, Select, Space, Switch, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import {
  checkSetting,
  settingFieldSpecs,
  settingLabel,
  type SettingFieldSpec,
  type SettingKey,
} from '../../../shared/domain/settings-fields';
import { FeedbackAlert, type Feedback } from './FeedbackAlert';

export interface SettingsPanelProps {
  settings: Settings | undefined;
  onSave(patch: Partial<Settings>): Promise<string | undefined>;
  /** A demo core: the settings only tests use (测试专用视频) are shown; in production only once set. */
  demo: boolean;
}

/** Settings the automated tests set; an admin sees them only on a demo core, or to clear one that was set. */
const testOnly: ReadonlySet<string> = new Set(['helmetVideoOverride']);

const groups = ['post', 'escorts', 'helmet', 'data', 'network', 'other'] as const;
type Group = (typeof groups)[number];

const known: Partial<Record<string, Group>> = {
  postName: 'post',
  timeZone: 'post',
  overdueMetMinutes: 'escorts',
  overdueDepartedMinutes: 'escorts',
  overdueEscortMinutes: 'escorts',
  overdueHandedOverMinutes: 'escorts',
  overdueAlarmRepeatMinutes: 'escorts',
  defaultPlatePrefix: 'escorts',
  dayShiftStartHour: 'escorts',
  nightShiftStartHour: 'escorts',
  exportPersonNames: 'data',
  helmetRetentionYears: 'helmet',
  backupFolder: 'data',
  backupTime: 'data',
  backupKeepDays: 'data',
  bindAddress: 'network',
  stationServerUrl: 'network',
};

/** Chosen in 内容 → 观看安排 from the active videos, not typed here as video ids. */
const managedElsewhere: ReadonlySet<string> = new Set(['helmetVideoFirst', 'helmetVideoRepeat']);

/** Keys other features add land in the card their name suggests, else in 其他. */
const groupOf = (key: string): Group =>
  known[key] ??
  (/escort|advisor/i.test(key)
    ? 'escorts'
    : /helmet|fine|kiosk|legal|eligib|quiz|video|pledge/i.test(key)
      ? 'helmet'
      : 'other');

/** Form.Item hands its child `value`, `onChange` and `id`; they are passed through to the real control. */
function FieldInput({ spec, ...injected }: { spec: SettingFieldSpec }) {
  // Typed loosely on purpose: each control declares its own value type, the schema has checked it.
  const control = injected as object;
  switch (spec.kind) {
    case 'integer':
    case 'number':
      return (
        <InputNumber
          {...control}
          min={spec.min}
          max={spec.max}
          precision={spec.kind === 'integer' ? 0 : undefined}
          style={{ width: 160 }}
        />
      );
    case 'boolean':
      return <Switch {...control} />;
    case 'choice':
      return (
        <Select {...control} options={spec.choices?.map((c) => ({ value: c, label: c }))} style={{ width: 240 }} />
      );
    case 'longText':
      return (
        <Input.TextArea {...control} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={spec.maxLength} showCount />
      );
    default:
      return <Input {...control} maxLength={spec.maxLength} style={{ maxWidth: 520 }} />;
  }
}

/**
 * 管理 → 设置: every key of the settings schema, drawn from the schema and checked with the same rules
 * the core applies. Only changed keys are sent; a save elsewhere refreshes the fields not being edited.
 */
export function SettingsPanel({ settings, onSave, demo }: SettingsPanelProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Settings>();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>();
  const overridden = Boolean(settings?.helmetVideoOverride);
  const specs = useMemo(
    () =>
      settingFieldSpecs().filter((s) => !managedElsewhere.has(s.key) && (demo || overridden || !testOnly.has(s.key))),
    [demo, overridden],
  );

  useEffect(() => {
    if (!settings) return;
    const untouched = Object.fromEntries(
      Object.entries(settings).filter(([key]) => !form.isFieldTouched(key as SettingKey)),
    );
    form.setFieldsValue(untouched);
  }, [settings, form]);

  const save = async (values: Settings) => {
    if (!settings) return;
    const patch = Object.fromEntries(
      Object.entries(values).filter(([key, v]) => JSON.stringify(v) !== JSON.stringify(settings[key as SettingKey])),
    ) as Partial<Settings>;
    if (Object.keys(patch).length === 0) return setFeedback({ type: 'info', text: t('admin.settings.unchanged') });
    setBusy(true);
    const problem = await onSave(patch);
    setBusy(false);
    setFeedback(problem ? { type: 'error', text: problem } : { type: 'success', text: t('admin.settings.saved') });
    if (!problem) form.resetFields(Object.keys(patch) as SettingKey[]);
  };

  const label = (key: string) => t(`admin.settings.fields.${key}`, { defaultValue: settingLabel(key) });
  const help = (spec: SettingFieldSpec) => {
    const text = t(`admin.settings.help.${spec.key}`, { defaultValue: '' });
    return (
      (text || spec.restart) && (
        <Space size={6} wrap>
          {spec.restart && <Tag color="orange">{t('admin.settings.restart')}</Tag>}
          {text}
        </Space>
      )
    );
  };

  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ flex: '240px' }}
      labelWrap
      onFinish={save}
      disabled={!settings || busy}
      initialValues={settings}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {groups.map((group) => {
          const fields = specs.filter((s) => groupOf(s.key) === group);
          if (fields.length === 0) return null;
          return (
            <Card key={group} title={t(`admin.settings.groups.${group}`)} size="small">
              {fields.map((spec) => (
                <Form.Item
                  key={spec.key}
                  name={spec.key}
                  label={label(spec.key)}
                  extra={help(spec)}
                  valuePropName={spec.kind === 'boolean' ? 'checked' : 'value'}
                  rules={[
                    {
                      validator: (_r, value: unknown) => {
                        const v = checkSetting(spec.key, value);
                        return v.ok ? Promise.resolve() : Promise.reject(new Error(v.message));
                      },
                    },
                  ]}
                >
                  <FieldInput spec={spec} />
                </Form.Item>
              ))}
            </Card>
          );
        })}
        <FeedbackAlert feedback={feedback} onClose={() => setFeedback(undefined)} />
        <Space className="admin-save-bar" style={{ width: '100%' }}>
          <Button type="primary" size="large" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
          <Button size="large" onClick={() => (form.resetFields(), setFeedback(undefined))}>
            {t('admin.settings.revert')}
          </Button>
        </Space>
      </Space>
    </Form>
  );
}
