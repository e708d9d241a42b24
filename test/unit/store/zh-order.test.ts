// Chinese order of text columns: ranks under Intl.Collator('zh-CN'), new values merged in, ties by id.
import { describe, expect, it } from 'vitest';
import { zhSorted } from '../../../src/main/core/store/zh-order';
import type { Db } from '../../../src/main/core/store/db';

const collator = new Intl.Collator('zh-CN', { numeric: true });
/** the order asked for, computed plainly */
const expected = (rows: [number, string | null][], desc: boolean) =>
  [...rows]
    .sort(([a, x], [b, y]) => {
      if (x === null || y === null) return x === y ? (desc ? b - a : a - b) : x === null ? 1 : -1;
      const c = collator.compare(x, y);
      return c !== 0 ? (desc ? -c : c) : desc ? b - a : a - b;
    })
    .map(([id]) => id);

const places = ['平江县', '岳阳县', '阿坝县', '中卫市', '长沙县', '浏阳市', '第2办', '第10办', 'Beijing', '北京市'];

describe('zh order', () => {
  it('sorts by pinyin with nulls last both ways, and keeps order as new values arrive', () => {
    const db = {} as Db;
    const first: [number, string | null][] = places.map((p, i) => [i + 1, p]);
    first.push([20, null], [21, '平江县']);
    for (const desc of [false, true]) expect(zhSorted(db, 'agency', first, desc)).toEqual(expected(first, desc));
    // a few new values are inserted among the known ones, many are merged by sorting again
    const few: [number, string | null][] = [...first, [30, '安化县'], [31, '资兴市']];
    expect(zhSorted(db, 'agency', few, false)).toEqual(expected(few, false));
    const many: [number, string | null][] = [...few, ...Array.from({ length: 400 }, (_, i): [number, string] => [100 + i, `${places[i % places.length]}第${i}号`])];
    for (const desc of [false, true]) expect(zhSorted(db, 'agency', many, desc)).toEqual(expected(many, desc));
  });

  it('sorts ids beyond what packs into one number', () => {
    const rows: [number, string | null][] = [[2 ** 22, '平江县'], [3, '平江县'], [2 ** 21 + 5, '阿坝县'], [7, null], [2 ** 23, null]];
    for (const desc of [false, true]) expect(zhSorted({} as Db, 'region', rows, desc)).toEqual(expected(rows, desc));
  });
});
