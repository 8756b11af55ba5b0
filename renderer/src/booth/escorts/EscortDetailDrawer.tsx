import { Alert, Button, Drawer, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscortOfficer } from '../../../../shared/contract/escorts';
import { DEFAULT_PLATE_PREFIX } from '../../../../shared/domain/plate';
import { EditEscortDialog } from './EditEscortDialog';
import { EscortDetailView } from './EscortDetailView';
import { useEscortDetail } from './useEscortDetail';

/** Container: the detail of one escort, live, with 修改 (reason required, audited). */
export function EscortDetailDrawer({
  id,
  officers,
  onClose,
}: {
  id: number | undefined;
  officers: EscortOfficer[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { detail, error, edit } = useEscortDetail(id);
  const [editing, setEditing] = useState(false);

  return (
    <Drawer
      open={id !== undefined}
      onClose={onClose}
      size={860}
      title={detail ? `${t('escorts.detail')} · ${detail.escort.plate}` : t('escorts.detail')}
      extra={
        detail && (
          <Button type="primary" onClick={() => setEditing(true)}>
            {t('escorts.edit')}
          </Button>
        )
      }
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {!detail && !error && <Spin />}
      {detail && <EscortDetailView detail={detail} />}
      <EditEscortDialog
        escort={editing ? detail?.escort : undefined}
        timeZone={detail?.timeZone ?? 'Asia/Shanghai'}
        platePrefix={DEFAULT_PLATE_PREFIX}
        officers={officers}
        onSave={edit}
        onClose={() => setEditing(false)}
      />
    </Drawer>
  );
}
