import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../shared/domain/escort-timeline';

const s = 1000;

describe('durations in the screen’s language', () => {
  it('stays Chinese by default', () => {
    expect(formatDuration(2 * s)).toBe('2秒');
    expect(formatDuration((18 * 60 + 58) * s)).toBe('18分58秒');
    expect(formatDuration((3600 + 3 * 60) * s, 'zh')).toBe('1小时3分');
  });

  it('speaks English with spaces and no CJK', () => {
    expect(formatDuration(2 * s, 'en')).toBe('2 s');
    expect(formatDuration((18 * 60 + 58) * s, 'en')).toBe('18 min 58 s');
    expect(formatDuration((7 * 60 + 5) * s, 'en')).toBe('7 min 05 s');
    expect(formatDuration((3600 + 3 * 60) * s, 'en')).toBe('1 h 3 min');
  });
});
