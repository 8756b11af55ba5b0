import { useCallback, useEffect, useState } from 'react';
import {
  CLOSED_TODAY_LIMIT,
  type AdvanceStep,
  type CreateEscortInput,
  type EscortBoard,
  type EscortConflict,
  type EscortView,
} from '../../../../shared/contract/escorts';
import type { Ack } from '../../../../shared/contract/result';
import { isOpen } from '../../../../shared/domain/escort-timeline';
import { useConnection } from '../../net/useConnection';
import { useOfficerRequest } from './useOfficerRequest';

export interface BoardState extends Omit<EscortBoard, 'serverNow'> {
  /** Core clock minus this screen's clock, so timers agree across screens. */
  clockOffset: number;
}

/**
 * Whether `escort` is news over `known`: a newer version, or the same version now carrying the ER's
 * 已知悉 (which does not bump the version, and is never taken back).
 */
const isNewer = (escort: EscortView, known: EscortView) =>
  escort.version > known.version || (escort.version === known.version && !!escort.preAlert && !known.preAlert);

/** Applies one escort's new state; an older version never overwrites a newer one (pushes may cross). */
export function mergeEscort(board: BoardState, escort: EscortView): BoardState {
  const known = [...board.open, ...board.closedToday].find((e) => e.id === escort.id);
  if (known && !isNewer(escort, known)) return board;
  const open = board.open.filter((e) => e.id !== escort.id);
  const closedToday = board.closedToday.filter((e) => e.id !== escort.id);
  if (isOpen(escort.status)) {
    open.push(escort);
    open.sort((a, b) => a.times.requested! - b.times.requested! || a.id - b.id);
  } else closedToday.unshift(escort);
  return { ...board, open, closedToday: closedToday.slice(0, CLOSED_TODAY_LIMIT) };
}

/** A fresh snapshot, keeping any escort this screen already saw in a newer version. */
function applySnapshot(previous: BoardState | undefined, snapshot: EscortBoard): BoardState {
  const { serverNow, ...rest } = snapshot;
  let board: BoardState = { ...rest, clockOffset: serverNow - Date.now() };
  for (const e of [...(previous?.open ?? []), ...(previous?.closedToday ?? [])]) {
    const fresh = [...board.open, ...board.closedToday].find((x) => x.id === e.id);
    if (fresh && isNewer(e, fresh)) board = mergeEscort(board, e);
  }
  return board;
}

export const conflictOf = (ack: Ack<unknown>): EscortConflict | undefined =>
  !ack.ok && ack.error.code === 'CONFLICT' ? (ack.error.details as EscortConflict | undefined) : undefined;

/**
 * The live board: loads a snapshot on every (re)connection — each brings a new `core:hello` — and
 * applies pushes in between. No reload, no duplicates: escorts are keyed by id and ordered by version.
 */
export function useEscortBoard() {
  const conn = useConnection();
  const [board, setBoard] = useState<BoardState>();
  const [loadError, setLoadError] = useState<string>();

  useOfficerRequest('escort:board', {}, (ack) => {
    if (ack.ok) {
      setBoard((prev) => applySnapshot(prev, ack.value));
      setLoadError(undefined);
    } else setLoadError(ack.error.message);
  });

  useEffect(() => {
    const offChanged = conn.on('escort:changed', (escort) => setBoard((b) => b && mergeEscort(b, escort)));
    const offCounters = conn.on('escort:counters', (counters) => setBoard((b) => b && { ...b, counters }));
    return () => {
      offChanged();
      offCounters();
    };
  }, [conn]);

  /** Folds a reply (or a CONFLICT's current state) into the board at once, before the push arrives. */
  const settle = useCallback(<T extends EscortView>(ack: Ack<T>): Ack<T> => {
    const escort = ack.ok ? ack.value : conflictOf(ack)?.escort;
    if (escort) setBoard((b) => b && mergeEscort(b, escort));
    return ack;
  }, []);

  const create = useCallback(
    async (input: CreateEscortInput) => settle(await conn.send('escort:create', input)),
    [conn, settle],
  );
  const advance = useCallback(
    async (escort: EscortView, step: AdvanceStep) =>
      settle(await conn.send('escort:advance', { id: escort.id, version: escort.version, step })),
    [conn, settle],
  );
  const undoStep = useCallback(
    async (escort: EscortView) =>
      settle(await conn.send('escort:undoStep', { id: escort.id, version: escort.version })),
    [conn, settle],
  );
  const cancel = useCallback(
    async (escort: EscortView, reason: string) =>
      settle(await conn.send('escort:cancel', { id: escort.id, version: escort.version, reason })),
    [conn, settle],
  );

  return { board, loadError, create, advance, undoStep, cancel };
}
