// Runs a command with the system clock moved to another date (Debian's `faketime`; the clock keeps
// moving from there). The date is the post's wall clock, Asia/Shanghai unless it carries an offset:
//   npm run at -- "2026-12-31 23:50" npm test
//   npm run at -- "2028-02-29T23:55:00+08:00" npm run serve -- --data /tmp/gp --demo
// The process runs in TZ=UTC, so the app is also proved not to lean on the machine's zone.
import { spawnSync } from 'node:child_process';

const [when, ...command] = process.argv.slice(2);
if (!when || command.length === 0) {
  console.error('usage: npm run at -- "YYYY-MM-DD HH:mm[:ss]" <command …>   (post time, +08:00 unless given)');
  process.exit(2);
}
const iso = when.replace(' ', 'T');
const instant = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}${iso.length <= 16 ? ':00' : ''}+08:00`);
if (Number.isNaN(instant)) {
  console.error(`not a date: ${when}`);
  process.exit(2);
}
if (spawnSync('faketime', ['--help'], { stdio: 'ignore' }).error) {
  console.error('faketime is not installed: apt-get install faketime');
  process.exit(2);
}
const start = new Date(instant).toISOString().replace('T', ' ').slice(0, 19);
console.log(`[at] ${command.join(' ')} with the clock at ${start} UTC (${when})`);
const run = spawnSync('faketime', ['-f', `@${start}`, ...command], {
  stdio: 'inherit',
  // Only the wall clock moves: timers and timeouts keep the real monotonic clock.
  env: { ...process.env, TZ: 'UTC', FAKETIME_DONT_FAKE_MONOTONIC: '1' },
});
process.exit(run.status ?? 1);
