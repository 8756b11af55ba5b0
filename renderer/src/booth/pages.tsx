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
}

/** Navigation order; a page shows for its minimum role and above. */
export const boothPages: BoothPage[] = [
  { key: 'escorts', label: 'nav.escorts', minRole: 'officer', component: EscortsPage },
  { key: 'helmet', label: 'nav.helmet', minRole: 'officer', component: HelmetPage },
  { key: 'handover', label: 'nav.handover', minRole: 'officer', component: HandoverPage },
  { key: 'reports', label: 'nav.reports', minRole: 'chief', component: LazyReportsPage },
  { key: 'admin', label: 'nav.admin', minRole: 'admin', component: AdminArea },
];
