import { Alert, Button, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { badgeSchema } from '../../../../shared/contract/auth';
import {
  HANDOVER_NOTES_MAX,
  type HandoverDraft,
  type HandoverRecord,
  type SignHandoverInput,
} from '../../../../shared/contract/handover';
import { zodRule } from '../../admin/zod-rule';
import { useFormSubmit } from '../useFormSubmit';
import { OpenEscortList } from './OpenEscortList';

interface SignValues {
  takeOver?: number[];
  notes?: string;
  incomingBadge: string;
  incomingPin: string;
  outgoingPin: string;
}

/**
 * Both signatures on one screen at the booth: the outgoing officer (signed in) types their PIN again,
 * the incoming officer their badge and PIN. The core checks everything again; its refusal is shown.
 */
export function HandoverSignForm({
  draft,
  onSign,
  onSigned,
}: {
  draft: HandoverDraft;
  onSign(input: SignHandoverInput): Promise<HandoverRecord | string>;
  onSigned(record: HandoverRecord): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SignValues>();
  const [attempt, setAttempt] = useState(0);
  const open = draft.contents.openEscorts.map((e) => e.id);
  const { error, busy, submit } = useFormSubmit(async (v: SignValues) => {
    const reply = await onSign({
      incomingBadge: v.incomingBadge,
      incomingPin: v.incomingPin,
      outgoingPin: v.outgoingPin,
      notes: v.notes ?? null,
      takeOver: v.takeOver ?? [],
    });
    if (typeof reply !== 'string') {
      onSigned(reply);
      return undefined;
    }
    // A wrong PIN must be typed again, not resubmitted by a second tap.
    form.setFieldsValue({ incomingPin: '', outgoingPin: '' });
    setAttempt((n) => n + 1);
    return reply;
  });

  return (
    <Form<SignValues> form={form} layout="vertical" onFinish={submit} className="handover-sign" requiredMark={false}>
      <h3>{t('handover.openEscorts')}</h3>
      <Form.Item
        name="takeOver"
        rules={[
          {
            validator: (_r, ids: number[] | undefined) =>
              open.every((id) => ids?.includes(id))
                ? Promise.resolve()
                : Promise.reject(new Error(t('handover.takeOverNeeded'))),
          },
        ]}
      >
        <Checkbox.Group style={{ display: 'block' }}>
          <OpenEscortList contents={draft.contents} selectable />
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="notes" label={t('handover.notes')} className="handover-notes">
        <Input.TextArea
          rows={2}
          maxLength={HANDOVER_NOTES_MAX}
          showCount
          placeholder={t('handover.notesPlaceholder')}
        />
      </Form.Item>
      <p className="handover-hint">{t('handover.signHint')}</p>
      <div className="handover-pins">
        <Form.Item name="incomingBadge" label={t('handover.incomingBadge')} rules={[zodRule(badgeSchema)]}>
          <Input inputMode="numeric" maxLength={10} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="incomingPin"
          label={t('handover.incomingPin')}
          rules={[{ required: true, message: t('handover.pinNeeded') }]}
        >
          <Input.Password maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="outgoingPin"
          label={t('handover.outgoingPin', { name: draft.outgoing.name })}
          rules={[{ required: true, message: t('handover.pinNeeded') }]}
        >
          <Input.Password maxLength={64} autoComplete="current-password" />
        </Form.Item>
      </div>
      {error && <Alert key={attempt} type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" size="large" block loading={busy}>
        {t('handover.sign')}
      </Button>
    </Form>
  );
}
