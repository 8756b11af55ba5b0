import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idNumberSchema, phoneSchema, plateSchema } from '../../../../shared/contract/helmet';
import type { HelmetVehicle } from '../../../../shared/domain/helmet';
import { SaveFooter, schemaRule } from './form-parts';

export interface NewStopValues {
  vehicle: HelmetVehicle;
  plate?: string;
  place?: string;
  riderName?: string;
  idNumber?: string;
  phone?: string;
}

export interface NewStopDialogProps {
  open: boolean;
  postName: string;
  /** Resolves to an error message, or undefined once saved. */
  onSave(values: NewStopValues): Promise<string | undefined>;
  onClose(): void;
}

const trimmed = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** 新建查处: the form an officer fills at the roadside. The ID number leaves the form only to the core. */
export function NewStopDialog({ open, postName, onSave, onClose }: NewStopDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewStopValues>();
  const vehicle = Form.useWatch('vehicle', form);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: NewStopValues) => {
    const values: NewStopValues = {
      vehicle: v.vehicle,
      plate: trimmed(v.plate),
      place: trimmed(v.place),
      riderName: trimmed(v.riderName),
      idNumber: trimmed(v.idNumber),
      phone: trimmed(v.phone),
    };
    if (!values.idNumber && !values.phone && !values.plate) return setError(t('helmet.form.needOne'));
    setBusy(true);
    const problem = await onSave(values);
    setBusy(false);
    setError(problem);
    if (!problem) {
      form.resetFields();
      onClose();
    }
  };

  const close = () => {
    form.resetFields();
    setError(undefined);
    onClose();
  };

  return (
    <Modal open={open} onCancel={close} footer={null} title={t('helmet.newStop')} destroyOnHidden width={560}>
      <Form
        form={form}
        name="new-stop"
        layout="horizontal"
        labelCol={{ span: 6 }}
        wrapperCol={{ span: 18 }}
        initialValues={{ vehicle: 'ebike', place: postName }}
        onFinish={submit}
        onValuesChange={() => setError(undefined)}
        disabled={busy}
        requiredMark={false}
        autoComplete="off"
      >
        <Form.Item label={t('helmet.form.vehicle')} name="vehicle">
          <Radio.Group optionType="button" buttonStyle="solid" size="large">
            <Radio.Button value="ebike">{t('helmet.vehicles.ebike')}</Radio.Button>
            <Radio.Button value="motorcycle">{t('helmet.vehicles.motorcycle')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {vehicle === 'motorcycle' && (
          <Alert type="warning" showIcon title={t('helmet.form.motorcycleNote')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item label={t('helmet.form.plate')} name="plate" rules={[schemaRule(plateSchema, true)]}>
          <Input size="large" placeholder={t('helmet.form.platePlaceholder')} maxLength={20} />
        </Form.Item>
        <Form.Item label={t('helmet.form.idNumber')} name="idNumber" rules={[schemaRule(idNumberSchema, true)]}>
          <Input size="large" maxLength={20} inputMode="text" spellCheck={false} />
        </Form.Item>
        <Form.Item label={t('helmet.form.phone')} name="phone" rules={[schemaRule(phoneSchema, true)]}>
          <Input size="large" inputMode="tel" maxLength={13} />
        </Form.Item>
        <Form.Item
          label={t('punct.aside', { text: t('helmet.form.name'), note: t('helmet.form.optional') })}
          name="riderName"
        >
          <Input size="large" maxLength={32} />
        </Form.Item>
        <Form.Item label={t('helmet.form.place')} name="place">
          <Input size="large" maxLength={60} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('helmet.form.needOne')}。{t('helmet.form.privacy')}。
        </Typography.Paragraph>
        <SaveFooter error={error} busy={busy} />
      </Form>
    </Modal>
  );
}
