import { describe, expect, it } from 'vitest';
import { idNumberSchema, newStopSchema, phoneSchema, plateSchema } from '../../shared/contract/helmet';
import {
  FULL_ID_PATTERN,
  idCheckChar,
  idNumberProblem,
  maskIdLast4,
  maskPhone,
  normalizePlate,
} from '../../shared/domain/helmet';

describe('GB 11643 ID numbers', () => {
  it('accepts the standard sample and computes its check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002X')).toBeUndefined();
    expect(idNumberProblem('11010519491231002x')).toBeUndefined(); // lower-case x is normalised
    expect(idNumberProblem(' 110105 19491231 002X ')).toBeUndefined();
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it('refuses a wrong check character, a bad date, a wrong length or letters', () => {
    expect(idNumberProblem('110105194912310021')).toBe('checksum');
    expect(idNumberProblem('110105194902300028')).toBe('birthDate'); // 30 February
    // A hex digest's digits once read as a 'date' in the year 5213: nobody alive was born then.
    const far = '25301552131124891';
    expect(idNumberProblem(far + idCheckChar(far))).toBe('birthDate');
    expect(idNumberProblem('11010519491231002')).toBe('length');
    expect(idNumberProblem('1101051949123100XX')).toBe('format');
    expect(idNumberProblem('01010519491231002X')).toBe('format');
  });

  it('catches every single-digit change of a valid number', () => {
    const valid = '11010519491231002X';
    for (let i = 0; i < 17; i++) {
      const changed = valid.slice(0, i) + ((Number(valid[i]) + 1) % 10) + valid.slice(i + 1);
      expect(idNumberProblem(changed), changed).toBeDefined();
    }
  });

  it('gives clear Chinese messages through the request schema, without echoing the number', () => {
    const r = idNumberSchema.safeParse('110105194912310021');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('身份证号校验位不正确，请核对');
    expect(JSON.stringify(r.error?.issues)).not.toMatch(FULL_ID_PATTERN);
  });
});

describe('phone, plate and the new-stop schema', () => {
  it('masks phones and last-four IDs', () => {
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskIdLast4('002X')).toBe('****002X');
    expect(phoneSchema.safeParse('12812345678').success).toBe(false);
    expect(phoneSchema.parse('13812345678')).toBe('13812345678');
  });

  it('normalises plates, e-bike plates included', () => {
    expect(normalizePlate('鲁P·a1234')).toBe('鲁PA1234');
    expect(plateSchema.parse('聊城 012345')).toBe('聊城012345');
    expect(plateSchema.parse('鲁P-B12345')).toBe('鲁PB12345');
    expect(plateSchema.safeParse('鲁').success).toBe(false);
    expect(plateSchema.safeParse('<script>').success).toBe(false);
  });

  it('needs at least one of ID, phone or plate, and treats blanks as absent', () => {
    const none = newStopSchema.safeParse({ vehicle: 'ebike', riderName: '张三', plate: '  ' });
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.message).toContain('至少填写一项');
    expect(newStopSchema.parse({ vehicle: 'motorcycle', phone: '13812345678', idNumber: '' })).toEqual({
      vehicle: 'motorcycle',
      phone: '13812345678',
    });
    expect(newStopSchema.safeParse({ vehicle: 'car', plate: '鲁PA1234' }).success).toBe(false);
    expect(newStopSchema.safeParse({ vehicle: 'ebike', plate: '鲁PA1234', extra: 1 }).success).toBe(false);
  });
});
