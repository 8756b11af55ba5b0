import { useEffect, useState } from 'react';
import type { CityRiderReport } from '../../../../shared/contract/city-riders';
import { useConnection, useConnectionState } from '../../net/useConnection';

/**
 * For a chief or admin: the city's reports of riders waived here and at another post inside the
 * window, loaded on every (re)connection and kept current by the core's `helmet:cityReports` push.
 * Officers get none (the core refuses them the list).
 */
export function useCityReports(enabled: boolean): CityRiderReport[] {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const [reports, setReports] = useState<CityRiderReport[]>([]);

  useEffect(() => {
    if (!hello || !enabled) return;
    let live = true;
    const off = conn.on('helmet:cityReports', (fresh) =>
      setReports((prev) =>
        [...fresh.filter((r) => !prev.some((p) => p.reportId === r.reportId)), ...prev].sort(
          (x, y) => y.reportId - x.reportId,
        ),
      ),
    );
    void conn.send('helmet:cityReports', {}).then((r) => {
      if (live && r.ok) setReports(r.value);
    });
    return () => {
      live = false;
      off();
    };
  }, [conn, hello, enabled]);

  return enabled ? reports : [];
}
