import { useCallback, useEffect, useState } from 'react';
import type { MonthReport } from '../../../shared/contract/reports';
import { useConnection, useConnectionState } from '../net/useConnection';

export interface MonthChoice {
  year: number;
  month: number;
}

interface Fetched {
  key: string;
  report?: MonthReport;
  error?: string;
}

/**
 * The report of the chosen month; `undefined` asks the core for the post's current month (the core
 * knows the post's zone, the browser may not be in it). Refetches on every (re)connection.
 */
export function useMonthReport(choice: MonthChoice | undefined) {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const year = choice?.year;
  const month = choice?.month;
  const key = year === undefined ? 'current' : `${year}-${month}`;
  const [fetched, setFetched] = useState<Fetched>();
  const [last, setLast] = useState<MonthReport>();

  useEffect(() => {
    if (!hello) return;
    let live = true;
    void conn.send('reports:month', year === undefined || month === undefined ? {} : { year, month }).then((reply) => {
      if (!live) return;
      if (reply.ok) {
        setFetched({ key, report: reply.value });
        setLast(reply.value);
      } else setFetched({ key, error: reply.error.message });
    });
    return () => {
      live = false;
    };
  }, [conn, hello, key, year, month]);

  /** Replaces the shown report with a fresher one of the same month (e.g. the one a PDF printed). */
  const setReport = useCallback(
    (report: MonthReport) => {
      setFetched({ key, report });
      setLast(report);
    },
    [key],
  );

  // While the next month loads, the previous report stays on screen under a spinner.
  return {
    report: last,
    error: fetched?.key === key ? fetched.error : undefined,
    loading: fetched?.key !== key,
    setReport,
  };
}
