import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditEscortInput, EscortOfficer, EscortView } from '../../../../shared/contract/escorts';
import type { Ack } from '../../../../shared/contract/result';
import { escortSteps } from '../../../../shared/domain/escort-kinds';
import { isOpen } from '../../../../shared/domain/escort-timeline';
import { pickedToUtc, toCreateInput, toFormValues, type EscortFormValues } from './escort-form';
import { EscortFields } from './EscortFields';
import { StepTimeFields } from './StepTimeFields';

export interface EditEscortDialogProps {
  escort: EscortView | undefined;
  timeZone: string;
  platePrefix: string;
  officers: EscortOfficer[];
  onSave(input: EditEscortInput): Promise<Ack<EscortView>>;
  onClose(): void;
}

/** Only what changed is sent, with the reason; the core checks the whole timeline again. */
function changesOf(
  before: EscortView,
  v: EscortFormValues & { reason: string },
  timeZone: string,
): EditEscortInput['changes'] {
  const after = toCreateInput({ ...v, afterTheFact: false }, timeZone);
  const changes: EditEscortInput['changes'] = {};
  if (after.plate !== before.plate) changes.plate = after.plate;
  if ((after.noPlateReason ?? null) !== before.noPlateReason) changes.noPlateReason = after.noPlateReason ?? null;
  for (const key of ['source', 'vehicle', 'condition', 'meetPoint', 'destination', 'relayFrom', 'notes'] as const) {
    if ((after[key] ?? null) !== before[key]) Object.assign(changes, { [key]: after[key] ?? null });
  }
  if ((after.hospitalNotified ?? false) !== before.hospitalNotified)
    changes.hospitalNotified = after.hospitalNotified ?? false;
  const crew = (after.officerIds ?? []).slice().sort().join();
  if (
    crew !==
    before.officers
      .map((o) => o.id)
      .sort()
      .join()
  )
    changes.officerIds = after.officerIds;
  const times: NonNullable<EditEscortInput['changes']['times']> = {};
  for (const s of escortSteps) {
    const picked = v.times?.[s] ? (pickedToUtc(v.times[s], timeZone) ?? null) : null;
    const was = before.times[s];
    // Pickers hold minutes: a time is only "changed" if its minute changed.
    const sameMinute = was !== null && picked !== null && Math.floor(was / 60_000) === Math.floor(picked / 60_000);
    if (!sameMinute && picked !== was) Object.assign(times, { [s]: picked });
  }
  if (Object.keys(times).length) changes.times = times;
  return changes;
}

export function EditEscortDialog({ escort, timeZone, platePrefix, officers, onSave, onClose }: EditEscortDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EscortFormValues & { reason: string }>();
  // A running escort's blanks may be filled in without a reason; the core asks for one otherwise.
  const running = escort !== undefined && isOpen(escort.status);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const finish = async (v: EscortFormValues & { reason: string }) => {
    if (!escort) return;
    setBusy(true);
    const ack = await onSave({
      id: escort.id,
      version: escort.version,
      reason: v.reason?.trim() || undefined,
      changes: changesOf(escort, v, timeZone),
    });
    setBusy(false);
    if (ack.ok) {
      setError(undefined);
      onClose();
    } else setError(ack.error.message);
  };

  return (
    <Modal
      open={escort !== undefined}
      title={running ? t('escorts.completeTitle') : t('escorts.editTitle')}
      width={820}
      destroyOnHidden
      okText={t('escorts.save')}
      cancelText={t('escorts.back')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(undefined);
        onClose();
      }}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      {escort && (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={toFormValues(escort, timeZone)}
          onFinish={(v) => void finish(v)}
        >
          <EscortFields platePrefix={platePrefix} meetPoints={[]} officers={officers} />
          <StepTimeFields requireRequested />
          <Form.Item
            label={running ? t('escorts.editReasonOptional') : t('escorts.editReason')}
            name="reason"
            rules={[{ required: !running, whitespace: true, min: 2, message: t('escorts.editReasonNeeded') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
