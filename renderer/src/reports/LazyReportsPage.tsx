import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { Officer } from '../../../shared/contract/auth';

// Charts (ECharts) and the report screens load only when a chief opens 统计报表: the booth's
// first paint does not pay for them.
const ReportsPage = lazy(() => import('./ReportsPage'));

export function LazyReportsPage(props: { officer: Officer }) {
  return (
    <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: 96 }} />}>
      <ReportsPage {...props} />
    </Suspense>
  );
}
