import { useEffect, useRef, useState } from 'react';
import type { ErBoard, ErEscort } from '../../../shared/contract/er';
import { isOpen } from '../../../shared/domain/escort-timeline';
import { playTone } from '../common/chime';
import { storedFlag, useStoredFlag } from '../common/useStoredFlag';
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

/** Highlighted on this screen: announced here, still on its way, and nobody has pressed 已知悉. */
export const isFresh = (e: ErEscort, announced: ReadonlySet<number>) =>
  announced.has(e.id) && isOpen(e.status) && !e.preAlert;

/**
 * Container logic of the ER screen: the board, kept live by `er:escort` pushes (an acknowledgement
 * comes back the same way), and a chime for each escort this screen had not seen before.
 */
export function useErBoard(conn: Connection, connected: boolean) {
  const [board, setBoard] = useState<ErBoardState>();
  const [error, setError] = useState<string>();
  const [announced, setAnnounced] = useState<ReadonlySet<number>>(new Set());
  const [muted, toggleMuted] = useStoredFlag(muteFlag);
  /** Every escort id this screen has shown; undefined until the first board arrives. */
  const known = useRef<Set<number>>(undefined);

  useEffect(() => {
    if (!connected) return;
    let live = true;
    const announce = (escorts: ErEscort[]) => {
      const incoming = escorts.filter(
        (e) => known.current && !known.current.has(e.id) && isOpen(e.status) && !e.preAlert,
      );
      for (const e of escorts) known.current?.add(e.id);
      if (!incoming.length) return;
      setAnnounced((a) => new Set([...a, ...incoming.map((e) => e.id)]));
      if (!muteFlag.get()) playTone('incoming');
    };
    void conn.send('er:board', {}).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error.message);
      const { serverNow, ...rest } = r.value;
      setError(undefined);
      // On a reconnect, escorts that came in meanwhile are new to this screen too; the first board is not.
      announce(rest.escorts);
      known.current ??= new Set(rest.escorts.map((e) => e.id));
      setBoard({ ...rest, escorts: ordered(rest.escorts), clockOffset: serverNow - Date.now() });
    });
    const off = conn.on('er:escort', (escort) => {
      announce([escort]);
      setBoard((b) => b && { ...b, escorts: ordered([escort, ...b.escorts.filter((e) => e.id !== escort.id)]) });
    });
    return () => {
      live = false;
      off();
    };
  }, [conn, connected]);

  const acknowledge = async (escort: ErEscort) => {
    const r = await conn.send('er:acknowledge', { escortId: escort.id });
    setError(r.ok ? undefined : r.error.message);
  };

  return { board, error, announced, muted, toggleMuted, acknowledge };
}
