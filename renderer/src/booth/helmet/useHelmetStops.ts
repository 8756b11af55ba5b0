import { useCallback, useEffect, useState } from 'react';
import type { HelmetStop } from '../../../../shared/contract/helmet';
import { useConnection, useConnectionState } from '../../net/useConnection';

/** Puts a stop's newer state in the list; an older version (a late push or reply) never replaces a newer one. */
const upsert = (stops: HelmetStop[], stop: HelmetStop) => {
  const i = stops.findIndex((s) => s.id === stop.id);
  if (i >= 0) return stops[i]!.version > stop.version ? stops : stops.map((s) => (s.id === stop.id ? stop : s));
  return [stop, ...stops].sort((a, b) => b.stoppedAt - a.stoppedAt || b.id - a.id);
};

/**
 * The booth's live list of helmet stops: loaded on every (re)connection, then kept current by the
 * core's `helmet:stop` pushes (saves, offers, the rider's progress, closes — from any booth).
 */
export function useHelmetStops() {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const [stops, setStops] = useState<HelmetStop[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    if (!hello) return;
    let live = true;
    // Subscribe first: a push emitted after the list was read arrives after the list's reply.
    const off = conn.on('helmet:stop', (stop) => setStops((prev) => upsert(prev, stop)));
    void conn.send('helmet:list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setStops(r.value);
      setLoading(false);
    });
    return () => {
      live = false;
      off();
    };
  }, [conn, hello]);

  /** This screen's own write, applied from its reply without waiting for the push. */
  const applied = useCallback((stop: HelmetStop) => setStops((prev) => upsert(prev, stop)), []);
  return { stops, loading, applied };
}
