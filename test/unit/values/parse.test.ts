import { describe, expect, it } from 'vitest';
import { convertMoney, parseValue } from '../../../src/main/core/extract/values/parse';
import { parseChineseNumeral } from '../../../src/main/core/extract/values/numerals';

describe('parseValue', () => {
  it.each([
    ['123', 123],
    ['１２３', 123],
    ['1,234', 1234],
    ['1，234', 1234],
    ['9116.36', 9116.36],
    ['-185', -185],
    ['+1036', 1036],
    ['一百零七', 107],
    ['两千', 2000],
    ['251000元', 251000],
    ['3824.04萬元', 3824.04],
    ['15條', 15],
  ])('%s → %d', (raw, value) => {
    expect(parseValue(raw)).toMatchObject({ kind: 'number', value });
  });

  it('keeps approximate figures, units and signs', () => {
    expect(parseValue('100余条')).toMatchObject({ value: 100, approx: true, unit: '条' });
    expect(parseValue('30多次')).toMatchObject({ value: 30, approx: true, unit: '次' });
    expect(parseValue('251000元')).toMatchObject({ unit: '元' });
    expect(parseValue('-185')).toMatchObject({ signed: true });
  });

  it('reads zero marks, blanks and text apart', () => {
    for (const z of ['/', '／', '—', '——', '-', '无']) expect(parseValue(z), z).toEqual({ kind: 'zero_mark', value: 0 });
    expect(parseValue('  ')).toEqual({ kind: 'blank' });
    expect(parseValue('不详')).toEqual({ kind: 'text' });
  });

  it('converts money between 元 and 万元 and says so', () => {
    expect(convertMoney(251000, '元', '万元')).toEqual({ value: 25.1, note: expect.stringContaining('元') });
    expect(convertMoney(3.5, '万元', '元')).toMatchObject({ value: 35000 });
    expect(convertMoney(3.5, null, '万元')).toEqual({ value: 3.5 });
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['十二', 12],
    ['二十', 20],
    ['一百零七', 107],
    ['三千零五十', 3050],
    ['一万二千', 12000],
    ['二〇二〇', 2020],
    ['两百', 200],
  ])('%s → %d', (s, v) => expect(parseChineseNumeral(s)).toBe(v));

  it('rejects non-numerals', () => expect(parseChineseNumeral('政府')).toBeNull());
});
