/**
 * How to start a process with its wall clock at `instant` (ISO with offset, e.g.
 * '2026-12-31T23:50:00+08:00'), through Debian's `faketime`; the clock keeps moving from there.
 * The process runs in TZ=UTC so it also proves the app does not lean on the machine's zone.
 */
export function atWallClock(instant: string, command: string, args: string[]) {
  const at = Date.parse(instant);
  if (Number.isNaN(at)) throw new Error(`not an instant: ${instant}`);
  const start = new Date(at).toISOString().replace('T', ' ').slice(0, 19);
  return {
    command: 'faketime',
    args: ['-f', `@${start}`, command, ...args],
    env: { ...process.env, TZ: 'UTC', FAKETIME_DONT_FAKE_MONOTONIC: '1' },
  };
}
