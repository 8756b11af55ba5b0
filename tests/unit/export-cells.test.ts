import { describe, expect, it } from 'vitest';
import { tablesToCsv } from '../../electron/core/reports/export-csv';
import { csvField, csvLine, maskPlate, neutraliseCell } from '../../shared/domain/export-cells';

describe('formula-injection guard', () => {
  it('prefixes text starting with = + - @, tab or CR with an apostrophe', () => {
    for (const bad of ['=1+1', '+86 138', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x","y")'])
      expect(neutraliseCell(bad)).toBe(`'${bad}`);
  });

  it('leaves ordinary text alone, including a sign inside the text', () => {
    for (const ok of ['鲁PA1234', '急诊', 'a=b', '1-2', '', ' =x', '接报→会合']) expect(neutraliseCell(ok)).toBe(ok);
  });
});

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('两\n行')).toBe('"两\n行"');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
  });

  it('writes numbers as numbers and blanks as empty fields', () => {
    expect(csvLine([1, -2.5, null, undefined, NaN, '−'])).toBe('1,-2.5,,,,−');
  });

  it('makes a UTF-8 file with a BOM, CRLF lines and post-local dates', () => {
    const bytes = tablesToCsv(
      [{ title: '明细', headers: ['时间', '备注'], rows: [[{ at: Date.UTC(2026, 10, 30, 15, 59) }, '=bad()']] }],
      'Asia/Shanghai',
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe("【明细】\r\n时间,备注\r\n2026-11-30 23:59:00,'=bad()\r\n");
  });
});

describe('plate masking', () => {
  it('keeps the region prefix and last character', () => {
    expect(maskPlate('鲁PA1234')).toBe('鲁PA***4');
    expect(maskPlate('鲁P·D12345')).toBe('鲁PD****5');
    expect(maskPlate('鲁P')).toBe('鲁**');
    expect(maskPlate('')).toBe('');
  });
});
