import { Button, List, Modal, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KioskInfo } from '../../../../shared/contract/kiosk';

/** Several kiosks paired: the officer says which one the rider stands at. */
export function KioskPickerDialog({
  kiosks,
  onPick,
  onClose,
}: {
  kiosks: KioskInfo[] | undefined;
  onPick(kiosk: KioskInfo): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={kiosks !== undefined}
      title={t('helmet.dialogs.pickKiosk')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <List
        dataSource={kiosks ?? []}
        renderItem={(k) => (
          <List.Item>
            <Button size="large" block disabled={!k.online} onClick={() => onPick(k)}>
              {k.name}
              {!k.online && <Tag style={{ marginLeft: 8 }}>{t('helmet.dialogs.offline')}</Tag>}
            </Button>
          </List.Item>
        )}
      />
    </Modal>
  );
}
