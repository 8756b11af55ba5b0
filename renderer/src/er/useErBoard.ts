import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErBoard, ErEscort } from '../../../shared/contract/er';
import { isOpen } from '../../../shared/domain/escort-timeline';
import { playTone, storedFlag } from '../common/chime';
import type { Connection } from '../net/connection';

const muteFlag = storedFlag('greenpost.erMuted');

export interface ErBoardState extends Omit<ErBoard, 'serverNow'> {
  /** serverNow − Date.now() at load: the screen's clock follows the core's. */
  clockOffset: number;
}

/** Open escorts first (newest request first), then the recently closed, newest first. */
const ordered = (escorts: ErEscort[]) =>
  [...escorts].sort(
    (a, b) => Number(isOpen(b.status)) - Number(isOpen(a.status)) || b.times.requested! - a.times.requested!,
  );

/**
 * Container logic of the ER screen: the board, kept live by `er:escort` pushes; a chime and a
 * highlight for an escort it has not seen before (until a nurse presses 已知悉); 已知悉 itself.
 */
export function useErBoard(conn: Connection, connected: boolean) {
  const [board, setBoard] = useState<ErBoardState>();
  const [error, setError] = useState<string>();
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());
  const [muted, setMuted] = useState(muteFlag.get);
  const known = useRef<Set<number>>(undefined);

  useEffect(() => {
    if (!connected) return;
    let live = true;
    void conn.send('er:board', {}).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error.message);
      const { serverNow, ...rest } = r.value;
      setError(undefined);
      // On a reconnect, escorts that came in meanwhile are new to this screen too.
      const unseen = known.current
        ? rest.escorts.filter((e) => !known.current!.has(e.id) && isOpen(e.status) && !e.preAlert)
        : [];
      known.current = new Set(rest.escorts.map((e) => e.id));
      if (unseen.length) {
        setFresh((f) => new Set([...f, ...unseen.map((e) => e.id)]));
        if (!muteFlag.get()) playTone('incoming');
      }
      setBoard({ ...rest, escorts: ordered(rest.escorts), clockOffset: serverNow - Date.now() });
    });
    const off = conn.on('er:escort', (escort) => {
      const isNew = !known.current?.has(escort.id);
      known.current?.add(escort.id);
      if (isNew && isOpen(escort.status)) {
        setFresh((f) => new Set(f).add(escort.id));
        if (!muteFlag.get()) playTone('incoming');
      }
      if (escort.preAlert || !isOpen(escort.status))
        setFresh((f) => (f.has(escort.id) ? new Set([...f].filter((id) => id !== escort.id)) : f));
      setBoard((b) => b && { ...b, escorts: ordered([escort, ...b.escorts.filter((e) => e.id !== escort.id)]) });
    });
    return () => {
      live = false;
      off();
    };
  }, [conn, connected]);

  const acknowledge = useCallback(
    async (escort: ErEscort) => {
      const r = await conn.send('er:acknowledge', { escortId: escort.id });
      setError(r.ok ? undefined : r.error.message);
      if (r.ok) setBoard((b) => b && { ...b, escorts: b.escorts.map((e) => (e.id === r.value.id ? r.value : e)) });
    },
    [conn],
  );

  const toggleMuted = () =>
    setMuted((m) => {
      muteFlag.set(!m);
      return !m;
    });

  return { board, error, fresh, muted, toggleMuted, acknowledge };
}
