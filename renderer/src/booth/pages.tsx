import { Empty } from 'antd';
import type { ComponentType } from 'react';
import type { Officer } from '../../../shared/contract/auth';
import type { Role } from '../../../shared/domain/roles';
import { AdminArea } from '../admin/AdminArea';

export interface BoothPage {
  key: string;
  /** i18n key of the navigation label. */
  label: string;
  minRole: Role;
  component: ComponentType<{ officer: Officer }>;
}

const Pending = () => <Empty style={{ marginTop: 96 }} description="此功能正在建设中" />;

/** Navigation order; each feature replaces its `Pending` with its own screen. */
export const boothPages: BoothPage[] = [
  { key: 'escorts', label: 'nav.escorts', minRole: 'officer', component: Pending },
  { key: 'helmet', label: 'nav.helmet', minRole: 'officer', component: Pending },
  { key: 'reports', label: 'nav.reports', minRole: 'chief', component: Pending },
  { key: 'admin', label: 'nav.admin', minRole: 'admin', component: AdminArea },
];
