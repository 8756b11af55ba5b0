import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { escortSteps } from '../../../../shared/domain/escort-kinds';
import { useLabels } from './labels';

/** One picker per step (wall time in the post's zone), for logging after the fact and corrections. */
export function StepTimeFields({ requireRequested }: { requireRequested: boolean }) {
  const { t } = useTranslation();
  const { step } = useLabels();
  return (
    <div className="escort-step-times">
      {escortSteps.map((s) => (
        <Form.Item
          key={s}
          label={t('escorts.stepTime', { step: step(s) })}
          name={['times', s]}
          rules={s === 'requested' && requireRequested ? [{ required: true, message: '请填写接报时间' }] : []}
        >
          <Input type="datetime-local" />
        </Form.Item>
      ))}
    </div>
  );
}
