import { Alert, Button, Checkbox, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateEscortInput, EscortOfficer, EscortView } from '../../../../shared/contract/escorts';
import type { Ack } from '../../../../shared/contract/result';
import { toCreateInput, type EscortFormValues } from './escort-form';
import { EscortFields } from './EscortFields';
import { StepTimeFields } from './StepTimeFields';
import { conflictOf } from './useEscortBoard';

export interface NewEscortDialogProps {
  open: boolean;
  me: number;
  platePrefix: string;
  timeZone: string;
  meetPoints: string[];
  officers: EscortOfficer[];
  onCreate(input: CreateEscortInput): Promise<Ack<EscortView>>;
  onClose(): void;
}

/** 新建护送: type the plate, press 保存 (or Enter). Everything else may wait. */
export function NewEscortDialog(props: NewEscortDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EscortFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [duplicate, setDuplicate] = useState<{ message: string; input: CreateEscortInput }>();
  const afterTheFact = Form.useWatch('afterTheFact', form);

  const close = () => {
    // The next 新建护送 starts from a clean form (the form store outlives the destroyed modal body).
    form.resetFields();
    setError(undefined);
    setDuplicate(undefined);
    props.onClose();
  };

  const submit = async (input: CreateEscortInput) => {
    setBusy(true);
    const ack = await props.onCreate(input);
    setBusy(false);
    if (ack.ok) return close();
    const conflict = conflictOf(ack);
    if (conflict?.reason === 'duplicatePlate') {
      setError(undefined);
      setDuplicate({ message: ack.error.message, input });
    } else setError(ack.error.message);
  };

  return (
    <Modal
      open={props.open}
      title={t('escorts.newEscort')}
      width={820}
      destroyOnHidden
      onCancel={close}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
      footer={
        <Space>
          <Button size="large" onClick={close}>
            {t('escorts.back')}
          </Button>
          <Button size="large" type="primary" loading={busy} onClick={() => form.submit()}>
            {t('escorts.save')}
          </Button>
        </Space>
      }
    >
      <Form<EscortFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ plate: props.platePrefix, officerIds: [props.me] }}
        onFinish={(values) => void submit(toCreateInput(values, props.timeZone))}
        onValuesChange={() => setDuplicate(undefined)}
      >
        <EscortFields
          platePrefix={props.platePrefix}
          meetPoints={props.meetPoints}
          officers={props.officers}
          autoFocusPlate
        />
        <Form.Item name="afterTheFact" valuePropName="checked">
          <Checkbox>{t('escorts.afterTheFact')}</Checkbox>
        </Form.Item>
        {afterTheFact && <StepTimeFields requireRequested />}
        {/* Enter in the plate field submits, as 保存 does. */}
        <button type="submit" hidden />
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {duplicate && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('escorts.duplicateTitle')}
          description={duplicate.message}
          action={
            <Button danger loading={busy} onClick={() => void submit({ ...duplicate.input, confirmDuplicate: true })}>
              {t('escorts.duplicateConfirm')}
            </Button>
          }
        />
      )}
    </Modal>
  );
}
