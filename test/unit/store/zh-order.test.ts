// Chinese order of text columns through stored ranks: values ranked under Intl.Collator('zh-CN'),
// new values placed in the gaps (the column numbered again when a gap is full), changed values
// re-ranked, another connection's ranks seen, nulls last both ways, ties by id.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/main/core/store/db';
import { sortByKey } from '../../../src/main/core/store/sort-ids';
import { rankValues } from '../../../src/main/core/store/zh-order';
import { tempDir } from '../../support/tmp';

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

const open: Db[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));
const library = (file = path.join(tempDir(), 'library.sqlite')): Db => {
  const db = openDatabase(file);
  open.push(db);
  return db;
};
const add = (db: Db, rows: [number, string | null][]) => {
  const insert = db.prepare("INSERT INTO reports (id, agency, created_at, updated_at) VALUES (?, ?, 'now', 'now')");
  db.transaction(() => rows.forEach(([id, v]) => insert.run(id, v)))();
};
/** the ids in the order the stored ranks give, after ranking what is new */
const byRank = (db: Db, desc: boolean) => {
  rankValues(db, ['agency']);
  return sortByKey(db.prepare('SELECT id, agency_rank FROM reports').raw().all() as [number, number | null][], desc);
};
const rows = (db: Db) => db.prepare('SELECT id, agency FROM reports').raw().all() as [number, string | null][];
const unranked = (db: Db) => db.prepare('SELECT count(*) FROM reports WHERE agency IS NOT NULL AND agency_rank IS NULL').pluck().get();

describe('zh order', () => {
  it('ranks values by pinyin with nulls last both ways, and keeps the order as values arrive and change', () => {
    const db = library();
    add(db, [...places.map((p, i): [number, string] => [i + 1, p]), [20, null], [21, '平江县']]);
    for (const desc of [false, true]) expect(byRank(db, desc)).toEqual(expected(rows(db), desc));
    expect(unranked(db)).toBe(0);
    // new values fall in the gaps; the known ones keep their ranks
    const before = db.prepare("SELECT rank FROM zh_ranks WHERE value = '平江县'").pluck().get();
    add(db, [[30, '安化县'], [31, '资兴市'], [32, '平江县']]);
    for (const desc of [false, true]) expect(byRank(db, desc)).toEqual(expected(rows(db), desc));
    expect(db.prepare("SELECT rank FROM zh_ranks WHERE value = '平江县'").pluck().get()).toBe(before);
    // a changed value takes its new value's rank (at once when that value is ranked, else when sorted)
    db.prepare("UPDATE reports SET agency = '阿坝县' WHERE id = 1").run();
    expect(unranked(db)).toBe(0);
    db.prepare("UPDATE reports SET agency = '浏阳市第二' WHERE id = 2").run();
    expect(unranked(db)).toBe(1);
    for (const desc of [false, true]) expect(byRank(db, desc)).toEqual(expected(rows(db), desc));
  });

  it('numbers the column again when a gap cannot hold what falls into it', () => {
    const db = library();
    add(db, [[1, '平江县甲'], [2, '平江县乙']]);
    byRank(db, false);
    const last = () => db.prepare("SELECT rank FROM zh_ranks WHERE value = '平江县乙'").pluck().get() as number;
    const before = last();
    // one value after another into what is left of the gap between the two, each halving it
    for (let k = 30; k > 0; k--) {
      add(db, [[100 + k, `平江县甲${'a'.repeat(k)}`]]);
      expect(byRank(db, false)).toEqual(expected(rows(db), false));
    }
    expect(last()).toBeGreaterThan(before);
    for (const desc of [false, true]) expect(byRank(db, desc)).toEqual(expected(rows(db), desc));
    const ranks = db.prepare("SELECT value, rank FROM zh_ranks WHERE col = 'agency' ORDER BY rank").raw().all() as [string, number][];
    expect(ranks.map(([v]) => v)).toEqual(ranks.map(([v]) => v).sort(collator.compare));
    expect(new Set(ranks.map(([, k]) => k)).size).toBe(ranks.length);
    expect(unranked(db)).toBe(0);
  });

  it('sees the ranks another connection gave, or this one outside the ranking', () => {
    const file = path.join(tempDir(), 'library.sqlite');
    const a = library(file);
    const b = library(file);
    add(a, places.map((p, i): [number, string] => [i + 1, p]));
    byRank(a, false);
    add(b, [[40, '安化县'], [41, '株洲市']]);
    byRank(b, false);
    // a's copy of the ranks is stale: new values of its own are placed among b's
    add(a, [[50, '安乡县'], [51, '株洲县']]);
    expect(byRank(a, false)).toEqual(expected(rows(a), false));
    // and ranks this connection wrote by other means (a restored copy of the table)
    a.exec("INSERT INTO zh_ranks (col, value, rank) SELECT col, value || '乙', rank + 1 FROM zh_ranks WHERE value = '株洲县'");
    add(a, [[60, '株洲县乙'], [61, '株洲县丙']]);
    expect(byRank(a, false)).toEqual(expected(rows(a), false));
  });
});
