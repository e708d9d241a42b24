import { describe, expect, it } from 'vitest';
import { convertMoney, parseValue } from '../../../src/main/core/extract/values/parse';
import { parseChineseNumeral } from '../../../src/main/core/extract/values/numerals';
import { groupedCuts, markCuts } from '../../../src/main/core/extract/tables/read';

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

describe('digit runs ending in a figure with thousands separators', () => {
  it('starts that figure one to three digits before its first comma', () => {
    expect(groupedCuts('11830921,164', 6)).toContainEqual(['118', '3', '0', '9', '2', '1,164']);
    expect(groupedCuts('21,164', 2)).toEqual([['2', '1,164']]);
    expect(groupedCuts('1,164', 1)).toEqual([['1,164']]);
    expect(groupedCuts('01,164', 1)).toEqual([]);
  });
});

describe('runs of zero marks', () => {
  it('reads a cell of dashes however many were typed as zero', () => {
    expect(parseValue('———')).toEqual({ kind: 'zero_mark', value: 0 });
    expect(parseValue('--')).toEqual({ kind: 'zero_mark', value: 0 });
  });
  it('cuts a run into cells of one mark each: 无 or 〇 one character, — or —— for a dash', () => {
    expect(markCuts('无无无', 3)).toEqual([['无', '无', '无']]);
    expect(markCuts('———', 3).map((c) => c.join('|'))).toEqual(['—|—|—', '—|——', '——|—']);
    expect(markCuts('————', 2)).toEqual([['——', '——']]);
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
