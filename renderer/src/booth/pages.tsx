import type { ComponentType } from 'react';
import type { Officer } from '../../../shared/contract/auth';
import type { Role } from '../../../shared/domain/roles';
import { EscortsPage, HelmetPage, HandoverPage, AdminArea } from './lazy-pages';
import { LazyReportsPage } from '../reports/LazyReportsPage';

export interface BoothPage {
  key: string;
  /** i18n key of the navigation label. */
  label: string;
  minRole: Role;
  component: ComponentType<{ officer: Officer }>;
  /** Where it is opened from: the page menu (default) or the officer's own menu under their name. */
  place?: 'menu' | 'account';
}

/** Navigation order; a page shows for its minimum role and above. */
export const boothPages: BoothPage[] = [
  { key: 'escorts', label: 'nav.escorts', minRole: 'officer', component: EscortsPage },
  { key: 'helmet', label: 'nav.helmet', minRole: 'officer', component: HelmetPage },
  { key: 'reports', label: 'nav.reports', minRole: 'chief', component: LazyReportsPage },
  { key: 'admin', label: 'nav.admin', minRole: 'admin', component: AdminArea },
  // 交接班 ends an officer's shift, as signing out does: it sits in their own menu (beside 修改密码),
  // since the page menu has no room for a fifth name in English at 1366 px (an admin's menu is full).
  { key: 'handover', label: 'nav.handover', minRole: 'officer', component: HandoverPage, place: 'account' },
];
