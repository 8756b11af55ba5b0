import type { TFunction } from 'i18next';
import type { CityDashboard } from '../../../shared/contract/city-dashboard';
import type { ChartSpec } from '../reports/chart-spec';

/** The dashboard's two charts: counts by post, and the request→handover interval by post. */
export function cityCharts(d: CityDashboard, t: TFunction): ChartSpec[] {
  const categories = d.posts.map((p) => p.name);
  return [
    {
      key: 'city-counts',
      title: t('city.dashboard.chartEscorts'),
      kind: 'bar',
      categoryTitle: t('city.dashboard.post'),
      categories,
      series: [
        { name: t('city.dashboard.escorts'), values: d.posts.map((p) => p.escorts) },
        { name: t('city.dashboard.helmetStops'), values: d.posts.map((p) => p.helmetStops) },
        { name: t('city.dashboard.educations'), values: d.posts.map((p) => p.educationsCompleted) },
        { name: t('city.dashboard.advisories'), values: d.posts.map((p) => p.advisories) },
      ],
    },
    {
      key: 'city-intervals',
      title: t('city.dashboard.chartIntervals'),
      kind: 'bar',
      categoryTitle: t('city.dashboard.post'),
      categories,
      series: [
        { name: t('city.dashboard.median'), values: d.posts.map((p) => p.medianRequestToHandover) },
        { name: t('city.dashboard.p90'), values: d.posts.map((p) => p.p90RequestToHandover) },
      ],
    },
  ];
}
