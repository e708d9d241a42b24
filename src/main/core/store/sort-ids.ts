// Ordering the library's ids here rather than in SQLite's sorter: SQLite hands out each matching
// row's key packed with its id into one number (from the list's covering index), and a
// Float64Array sorts those in a fraction of SQLite's time (or of reading the table in id order).
import { sql, type Db } from './db';

/** keys stay below 2^32 - 1, so key × ID_SPAN + id is an exact integer in a double for ids below 2^21 */
export const MAX_KEY = 2 ** 32 - 2;
const NULL_KEY = MAX_KEY + 1;
const ID_SPAN = 2 ** 21;

const packed = (k: number | null, desc: boolean): number => (k === null ? NULL_KEY : desc ? MAX_KEY - k : k);

/** Ids of packed numbers, sorted. */
function unpack(keys: Float64Array, desc: boolean): number[] {
  keys.sort();
  const ids = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const low = keys[i]! % ID_SPAN;
    ids[i] = desc ? ID_SPAN - 1 - low : low;
  }
  return ids;
}

/**
 * Ids of [id, key] rows (keys: integers 0…MAX_KEY) in key order, rows without a key last either
 * way, ties by id (descending too when desc).
 */
export function sortByKey(rows: readonly (readonly [number, number | null])[], desc: boolean): number[] {
  if (rows.some(([id]) => id >= ID_SPAN)) {
    return [...rows].sort((a, b) => packed(a[1], desc) - packed(b[1], desc) || (desc ? b[0] - a[0] : a[0] - b[0])).map(([id]) => id);
  }
  const keys = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) keys[i] = packed(rows[i]![1], desc) * ID_SPAN + (desc ? ID_SPAN - 1 - rows[i]![0] : rows[i]![0]);
  return unpack(keys, desc);
}

/**
 * Ids of the reports `r` a FROM … WHERE … clause selects, by an SQL key (integers 0…MAX_KEY;
 * none: by id) as sortByKey orders them.
 */
export function idsByKey(db: Db, from: string, params: Record<string, unknown>, key: string | null, desc: boolean): number[] {
  if (((sql(db, 'SELECT max(id) FROM reports').pluck().get() as number | null) ?? 0) >= ID_SPAN) {
    return sortByKey(db.prepare(`SELECT r.id, ${key ?? 0} ${from}`).raw().all(params) as [number, number | null][], desc);
  }
  const id = desc ? `${ID_SPAN - 1} - r.id` : 'r.id';
  const k = key === null ? null : `coalesce(${desc ? `${MAX_KEY} - (${key})` : key}, ${NULL_KEY})`;
  return unpack(Float64Array.from(db.prepare(`SELECT ${k === null ? id : `${k} * ${ID_SPAN} + ${id}`} ${from}`).pluck().all(params) as number[]), desc);
}
