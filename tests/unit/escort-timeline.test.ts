import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatElapsed,
  intervalsOf,
  nextStep,
  statusOf,
  timelineProblem,
} from '../../shared/domain/escort-timeline';

const t0 = Date.UTC(2026, 2, 1, 2, 0, 0);
const min = 60_000;

describe('timeline rules', () => {
  it('offers one next step at a time and none once closed', () => {
    expect(nextStep('requested')).toBe('met');
    expect(nextStep('met')).toBe('departed');
    expect(nextStep('departed')).toBe('arrived');
    expect(nextStep('arrived')).toBe('handedOver');
    expect(nextStep('handedOver')).toBeUndefined();
    expect(nextStep('cancelled')).toBeUndefined();
  });

  it('derives the status from the latest stamped step', () => {
    expect(statusOf({ requested: t0 })).toBe('requested');
    expect(statusOf({ requested: t0, met: t0 + min, departed: null })).toBe('met');
    expect(statusOf({ requested: t0, met: t0, departed: t0, arrived: t0, handedOver: t0 })).toBe('handedOver');
  });

  it('accepts an ordered timeline, equal times included', () => {
    expect(timelineProblem({ requested: t0 }, t0)).toBeUndefined();
    expect(
      timelineProblem({ requested: t0, met: t0, departed: t0 + min, arrived: t0 + 9 * min }, t0 + 10 * min),
    ).toBeUndefined();
  });

  it('refuses 到达 before 会合, naming both steps', () => {
    expect(
      timelineProblem(
        { requested: t0, met: t0 + 5 * min, departed: t0 + 5 * min, arrived: t0 + 4 * min },
        t0 + 60 * min,
      ),
    ).toBe('到达时间不能早于出发时间');
    expect(timelineProblem({ requested: t0, met: t0 - min }, t0)).toBe('会合时间不能早于接报时间');
  });

  it('refuses a gap: a later step needs every earlier one', () => {
    expect(timelineProblem({ requested: t0, arrived: t0 + min }, t0 + 2 * min)).toBe('填写到达时间前须先有会合时间');
    expect(timelineProblem({ requested: t0, met: t0, handedOver: t0 + min }, t0 + 2 * min)).toBe(
      '填写交接时间前须先有出发时间',
    );
  });

  it('refuses a time in the future beyond clock skew, and a missing 接报', () => {
    expect(timelineProblem({ requested: t0 + 30_000 }, t0)).toBeUndefined();
    expect(timelineProblem({ requested: t0 + 5 * min }, t0)).toBe('接报时间不能晚于现在');
    expect(timelineProblem({ met: t0 }, t0)).toBe('缺少接报时间');
  });
});

describe('intervals', () => {
  it('computes 接报→会合, 会合→到达 and 接报→交接', () => {
    const times = {
      requested: t0,
      met: t0 + 4 * min,
      departed: t0 + 5 * min,
      arrived: t0 + 12 * min,
      handedOver: t0 + 15 * min,
    };
    expect(intervalsOf(times)).toEqual({ requestToMet: 4 * min, metToArrived: 8 * min, requestToHandover: 15 * min });
  });

  it('leaves an interval null while a step is missing', () => {
    expect(intervalsOf({ requested: t0, met: t0 + min })).toEqual({
      requestToMet: min,
      metToArrived: null,
      requestToHandover: null,
    });
    expect(intervalsOf({ requested: t0, met: null, arrived: null })).toEqual({
      requestToMet: null,
      metToArrived: null,
      requestToHandover: null,
    });
  });

  it('formats durations and the board timer', () => {
    expect(formatDuration(45_000)).toBe('45秒');
    expect(formatDuration(7 * min + 12_000)).toBe('7分12秒');
    expect(formatDuration(63 * min)).toBe('1小时3分');
    expect(formatElapsed(65_000)).toBe('01:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });

});
