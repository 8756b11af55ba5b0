import { describe, expect, it } from 'vitest';
import { when } from '../../renderer/src/booth/helmet/stop-time';
import { localToUtc } from '../../shared/domain/time';

const SH = 'Asia/Shanghai';
/** 'YYYY-MM-DDTHH:mm' on the post's wall clock. */
const at = (wall: string) => {
  const [y, mo, d, h, mi] = wall.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return localToUtc(SH, y, mo, d, h, mi);
};

describe('a stop time on the booth, cut in the post’s zone', () => {
  it('is HH:mm on the post’s own day even when the browser’s day differs', () => {
    // 00:30 in Shanghai on 1 Jan is still 31 Dec in UTC (and in a browser set to UTC).
    expect(when(at('2027-01-01T00:30'), at('2027-01-01T09:00'), SH)).toBe('00:30');
  });
  it('is M-D HH:mm earlier this year, and YYYY-M-D in another year, across 31 Dec → 1 Jan', () => {
    expect(when(at('2026-12-31T23:59'), at('2027-01-01T00:01'), SH)).toBe('2026-12-31');
    expect(when(at('2028-02-29T08:05'), at('2028-03-01T08:00'), SH)).toBe('2-29 08:05');
    expect(when(at('2027-01-31T23:59'), at('2027-02-01T00:00'), SH)).toBe('1-31 23:59');
  });
});
