import { useCallback, useState } from 'react';
import type { MonthReport } from '../../../shared/contract/reports';
import { useOfficerRequest } from '../booth/escorts/useOfficerRequest';

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
 * knows the post's zone, the browser may not be in it). Refetched on every reconnection.
 */
export function useMonthReport(choice: MonthChoice | undefined) {
  const key = choice ? `${choice.year}-${choice.month}` : 'current';
  const [fetched, setFetched] = useState<Fetched>();
  const [last, setLast] = useState<MonthReport>();

  useOfficerRequest('reports:month', choice ?? {}, (reply) => {
    if (reply.ok) {
      setFetched({ key, report: reply.value });
      setLast(reply.value);
    } else setFetched({ key, error: reply.error.message });
  });

  /** Replaces the shown report with a fresher one of the same month (the one an export was built from). */
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
