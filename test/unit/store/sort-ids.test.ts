// Ids ordered by packed integer keys: nulls last both ways, ties by id in the direction asked,
// ids beyond what packs.
import { describe, expect, it } from 'vitest';
import { MAX_KEY, sortByKey } from '../../../src/main/core/store/sort-ids';

/** the order asked for, computed plainly */
const expected = (rows: [number, number | null][], desc: boolean) =>
  [...rows]
    .sort((a, b) => (a[1] === b[1] ? (desc ? b[0] - a[0] : a[0] - b[0]) : a[1] === null ? 1 : b[1] === null ? -1 : desc ? b[1] - a[1] : a[1] - b[1]))
    .map(([id]) => id);

describe('sort ids', () => {
  it('orders by key with nulls last both ways and ties by id, up to the largest key', () => {
    const rows: [number, number | null][] = [[5, 3], [2, 0], [9, null], [4, 3], [1, MAX_KEY], [7, null], [3, 1]];
    for (const desc of [false, true]) expect(sortByKey(rows, desc)).toEqual(expected(rows, desc));
  });

  it('sorts ids beyond what packs into one number', () => {
    const ranked: [number, number | null][] = [[2 ** 22, 5], [3, 5], [2 ** 21 + 5, 1], [7, null], [2 ** 23, null]];
    expect(sortByKey(ranked, false)).toEqual([2 ** 21 + 5, 3, 2 ** 22, 7, 2 ** 23]);
    expect(sortByKey(ranked, true)).toEqual([2 ** 22, 3, 2 ** 21 + 5, 2 ** 23, 7]);
  });
});
