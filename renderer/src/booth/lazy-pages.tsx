import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import type { Officer } from '../../../shared/contract/auth';

// The booth's screens after sign-in load when first shown: the login screen (the first thing a booth
// shows) does not pay for the shell and its dialogs, the escort board, the helmet desk or the admin
// area. A spinner stands while a chunk loads.
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Screen = lazy(async () => ({ default: await load() }));
  return function LazyScreen(props: P) {
    return (
      <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: 96 }} />}>
        <Screen {...props} />
      </Suspense>
    );
  };
}

type PageProps = { officer: Officer };
export const EscortsPage = lazyScreen<PageProps>(async () => (await import('./escorts/EscortsPage')).EscortsPage);
export const HelmetPage = lazyScreen<PageProps>(async () => (await import('./helmet/HelmetPage')).HelmetPage);
export const HandoverPage = lazyScreen<PageProps>(async () => (await import('./handover/HandoverPage')).HandoverPage);
export const AdminArea = lazyScreen<PageProps>(async () => (await import('../admin/AdminArea')).AdminArea);
export const CityDashboardPage = lazyScreen<PageProps>(async () => (await import('../city/CityDashboardPage')).CityDashboardPage);
export const BoothShell = lazyScreen(async () => (await import('./BoothShell')).BoothShell);
