import type { ComponentType } from 'react';
import type { Officer } from '../../../shared/contract/auth';
import type { Role } from '../../../shared/domain/roles';
import { EscortsPage, HelmetPage, HandoverPage, AdminArea, CityDashboardPage } from './lazy-pages';
import { LazyReportsPage } from '../reports/LazyReportsPage';

export interface BoothPage {
  key: string;
  /** i18n key of the navigation label. */
  label: string;
  minRole: Role;
  component: ComponentType<{ officer: Officer }>;
  /** Where it is opened from: the page menu (default) or the officer's own menu under their name. */
  place?: 'menu' | 'account';
  /** Which server shows it: a post's core (default), the city server, or both. */
  where?: 'post' | 'city' | 'both';
}

/** Navigation order; a page shows for its minimum role and above. */
export const boothPages: BoothPage[] = [
  { key: 'escorts', label: 'nav.escorts', minRole: 'officer', component: EscortsPage },
  { key: 'helmet', label: 'nav.helmet', minRole: 'officer', component: HelmetPage },
  { key: 'reports', label: 'nav.reports', minRole: 'chief', component: LazyReportsPage },
  { key: 'admin', label: 'nav.admin', minRole: 'admin', component: AdminArea, where: 'both' },
  // The city server (npm run serve:city) has no booth of its own: its chiefs see every post side by side.
  { key: 'city', label: 'city.nav', minRole: 'chief', component: CityDashboardPage, where: 'city' },
  // 交接班 ends an officer's shift, as signing out does: it sits in their own menu (beside 修改密码),
  // since the page menu has no room for a fifth name in English at 1366 px (an admin's menu is full).
  { key: 'handover', label: 'nav.handover', minRole: 'officer', component: HandoverPage, place: 'account' },
];

/** The pages a server shows: a post's booth, or the city server's dashboard and admin. */
export const pagesFor = (city: boolean) => boothPages.filter((p) => (p.where ?? 'post') === 'both' || (p.where ?? 'post') === (city ? 'city' : 'post'));
