import { useEffect, useState } from 'react';
import type { CityDashboard, CityPeriod } from '../../../shared/contract/city-dashboard';
import type { ExportFormat } from '../../../shared/contract/reports';
import { localParts } from '../../../shared/domain/time';
import { saveExport } from '../reports/native-bridge';
import { useConnection, useConnectionState } from '../net/useConnection';

export type Notice = { type: 'success' | 'error' | 'info'; text: string };

/** The dashboard for a period (this month at first, in the city server's zone), its refresh and its exports. */
export function useCityDashboard() {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const [period, setPeriod] = useState<CityPeriod>(() => {
    const now = localParts(Date.now(), hello?.timeZone ?? 'Asia/Shanghai');
    return { year: now.year, month: now.month };
  });
  const [dashboard, setDashboard] = useState<CityDashboard>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!hello?.city) return;
    let current = true;
    void conn.send('city:dashboard', period, 30_000).then((r) => {
      if (!current) return;
      setDashboard(r.ok ? r.value : undefined);
      setError(r.ok ? undefined : r.error.message);
    });
    return () => {
      current = false;
    };
  }, [conn, hello, period]);

  const exportFile = async (format: ExportFormat): Promise<Notice | undefined> => {
    setBusy(true);
    try {
      const r = await conn.send('city:export', { ...period, format }, 120_000);
      if (!r.ok) return { type: 'error', text: r.error.message };
      setDashboard(r.value.dashboard);
      const saved = await saveExport(r.value);
      return saved ? { type: 'success', text: r.value.fileName } : undefined;
    } finally {
      setBusy(false);
    }
  };
  return { period, setPeriod, dashboard, error, busy, exportFile };
}
