import { describe, expect, it } from 'vitest';
import { checkPlate, NO_PLATE, normalizePlate } from '../../shared/domain/plate';

describe('plate validation', () => {
  it.each([
    ['鲁P12345', '鲁P12345', 'regular'],
    ['鲁p 1234a', '鲁P1234A', 'regular'],
    ['京A·88888', '京A88888', 'regular'],
    ['鲁PD12345', '鲁PD12345', 'newEnergy'],
    ['鲁PFA1234', '鲁PFA1234', 'newEnergy'],
    ['粤B12345D', '粤B12345D', 'newEnergy'],
    ['沪AK12345', '沪AK12345', 'newEnergy'],
    ['鲁P1234学', '鲁P1234学', 'special'],
    ['鲁P1234警', '鲁P1234警', 'special'],
    ['粤Z1234港', '粤Z1234港', 'special'],
    ['ＷＪ鲁12345', 'WJ鲁12345', 'armedPolice'],
    ['１２３４５', '鲁P12345', 'regular'],
    ['D12345', '鲁PD12345', 'newEnergy'],
  ])('accepts %s as %s (%s)', (input, plate, kind) => {
    expect(checkPlate(input)).toEqual({ ok: true, plate, kind });
  });

  it('implies the post prefix when only the serial is typed', () => {
    expect(normalizePlate('12345')).toBe('鲁P12345');
    expect(normalizePlate('12345', '京A')).toBe('京A12345');
    expect(checkPlate('ab123', '鲁Q')).toMatchObject({ ok: true, plate: '鲁QAB123' });
  });

  it('accepts 无牌 as the no-plate marker', () => {
    expect(checkPlate('无牌')).toEqual({ ok: true, plate: NO_PLATE, kind: 'none' });
  });

  it.each([
    ['', /请填写车牌号/],
    ['   ', /请填写车牌号/],
    ['AB12345', /省份简称/],
    ['X鲁12345', /省份简称/],
    ['鲁P1234', /位数不足/],
    ['鲁P12O45', /I 或 O/],
    ['鲁PI2345', /I 或 O/],
    ['鲁P1234567', /位数过多/],
    ['鲁PZ12345', /新能源/],
    ['鲁P123456', /新能源/],
    ['鲁PF1A234', /新能源/],
    ['鲁P12#45', /格式不正确/],
  ])('refuses %j with a specific reason', (input, reason) => {
    const r = checkPlate(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(reason);
  });
});
