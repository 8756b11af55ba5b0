import { AutoComplete, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EscortOfficer } from '../../../../shared/contract/escorts';
import {
  conditions,
  destinations,
  requestSourceOrder,
  requestSources,
  vehicleKinds,
} from '../../../../shared/domain/escort-kinds';
import { checkPlate } from '../../../../shared/domain/plate';
import { useLabels } from './labels';

export interface EscortFieldsProps {
  platePrefix: string;
  meetPoints: string[];
  officers: EscortOfficer[];
  autoFocusPlate?: boolean;
}

/**
 * The escort's fields, shared by 新建护送 and 修改. Only 车牌号 is required; the choices are one-tap
 * buttons so an officer can fill them in seconds, during or after the escort.
 */
export function EscortFields({ platePrefix, meetPoints, officers, autoFocusPlate }: EscortFieldsProps) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const noPlate = Form.useWatch<boolean | undefined>('noPlate');

  return (
    <>
      <div className="escort-plate-row">
        <Form.Item
          label={t('escorts.plate')}
          name="plate"
          className="escort-plate-field"
          validateTrigger="onSubmit"
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if (noPlate) return;
                const check = checkPlate(value ?? '', platePrefix);
                if (!check.ok) throw new Error(check.message);
              },
            },
          ]}
        >
          <Input
            size="large"
            disabled={noPlate}
            autoFocus={autoFocusPlate}
            maxLength={16}
            autoComplete="off"
            className="escort-plate-input"
          />
        </Form.Item>
        <Form.Item name="noPlate" valuePropName="checked" label=" " colon={false}>
          <Checkbox>{t('escorts.noPlate')}</Checkbox>
        </Form.Item>
        {noPlate && (
          <Form.Item
            label={t('escorts.noPlateReason')}
            name="noPlateReason"
            style={{ flex: 1 }}
            rules={[{ required: true, whitespace: true, message: '无牌车辆请填写无牌原因' }]}
          >
            <Input size="large" maxLength={100} />
          </Form.Item>
        )}
      </div>
      <Form.Item label={t('escorts.source')} name="source">
        <Radio.Group optionType="button" buttonStyle="solid" options={options(requestSources, requestSourceOrder)} />
      </Form.Item>
      <Form.Item label={t('escorts.vehicle')} name="vehicle">
        <Radio.Group optionType="button" buttonStyle="solid" options={options(vehicleKinds)} />
      </Form.Item>
      <Form.Item label={t('escorts.condition')} name="condition">
        <Radio.Group optionType="button" buttonStyle="solid" options={options(conditions)} />
      </Form.Item>
      <Form.Item label={t('escorts.destination')} name="destination">
        <Radio.Group optionType="button" buttonStyle="solid" options={options(destinations)} />
      </Form.Item>
      <div className="escort-form-pair">
        <Form.Item label={t('escorts.meetPoint')} name="meetPoint">
          <AutoComplete options={meetPoints.map((m) => ({ value: m }))} maxLength={40} allowClear>
            <Input />
          </AutoComplete>
        </Form.Item>
        <Form.Item label={t('escorts.officers')} name="officerIds">
          <Select
            mode="multiple"
            options={officers.map((o) => ({ value: o.id, label: `${o.name} ${o.badge}` }))}
            optionFilterProp="label"
          />
        </Form.Item>
      </div>
      <div className="escort-form-pair">
        <Form.Item label={t('escorts.relayFrom')} name="relayFrom">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="hospitalNotified" valuePropName="checked" label=" " colon={false}>
          <Checkbox>{t('escorts.hospitalNotified')}</Checkbox>
        </Form.Item>
      </div>
      <Form.Item label={t('escorts.notes')} name="notes">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}
