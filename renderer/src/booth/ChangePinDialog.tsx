import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { pinSchema } from '../../../shared/contract/auth';
import { FormDialog } from '../admin/FormDialog';
import { problemOf, zodRule } from '../admin/zod-rule';
import { useConnection } from '../net/useConnection';

interface ChangePinValues {
  currentPin: string;
  newPin: string;
  confirm: string;
}

/** Every officer's own PIN change (header menu → 修改密码); the current PIN is required. */
export function ChangePinDialog({ open, onClose, onChanged }: { open: boolean; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const conn = useConnection();
  return (
    <FormDialog<ChangePinValues>
      open={open}
      title={t('admin.account.changePin')}
      onClose={onClose}
      onSubmit={async ({ currentPin, newPin }) => {
        const problem = problemOf(await conn.send('account:changePin', { currentPin, newPin }));
        if (!problem) onChanged();
        return problem;
      }}
    >
      <Form.Item
        label={t('admin.account.currentPin')}
        name="currentPin"
        rules={[{ required: true, message: '请输入当前密码' }]}
      >
        <Input.Password autoComplete="current-password" maxLength={64} autoFocus />
      </Form.Item>
      <Form.Item label={t('admin.account.newPin')} name="newPin" rules={[zodRule(pinSchema)]}>
        <Input.Password autoComplete="new-password" maxLength={64} />
      </Form.Item>
      <Form.Item
        label={t('admin.account.confirmPin')}
        name="confirm"
        dependencies={['newPin']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_r, value) =>
              value === getFieldValue('newPin')
                ? Promise.resolve()
                : Promise.reject(new Error(t('admin.account.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={64} />
      </Form.Item>
    </FormDialog>
  );
}
