// Chinese order for the library's text columns. better-sqlite3 cannot register a collation, and a
// JavaScript function called from ORDER BY costs more than the sort itself, so these columns are
// sorted here: each value's rank among the column's values under Intl.Collator('zh-CN') (kept per
// connection, new values merged in as they appear), packed with the id into one number, and the
// numbers sorted as a Float64Array.
import type { Db } from './db';

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Sortable text columns of reports. */
export const ZH_COLUMNS = { agency: 'agency', region: 'region', fileName: 'file_name' } as const;
export type ZhColumn = keyof typeof ZH_COLUMNS;

/** Merging more values than this sorts them all again instead of inserting one by one. */
const BULK_MERGE = 256;
/** rank × ID_SPAN + id stays an exact integer in a double for ids below 2^21 and ranks below 2^31 */
const ID_SPAN = 2 ** 21;
const NULL_RANK = 2 ** 31 - 1;

class Ranks {
  private values: string[] = [];
  private rank = new Map<string, number>();

  get size(): number {
    return this.values.length;
  }

  of(value: string): number {
    return this.rank.get(value)!;
  }

  /** Give every value a rank (values not seen before are sorted in). */
  know(values: readonly (string | null)[]): void {
    const added = new Set<string>();
    for (const v of values) if (v !== null && !this.rank.has(v)) added.add(v);
    if (added.size === 0) return;
    if (added.size > BULK_MERGE) this.values = [...this.values, ...added].sort(collator.compare);
    else for (const v of added) this.values.splice(this.position(v), 0, v);
    this.rank = new Map(this.values.map((v, i) => [v, i]));
  }

  /** first index whose value sorts after `value` */
  private position(value: string): number {
    let lo = 0;
    let hi = this.values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (collator.compare(this.values[mid]!, value) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const perDb = new WeakMap<Db, Map<ZhColumn, Ranks>>();

function ranksOf(db: Db, column: ZhColumn): Ranks {
  let columns = perDb.get(db);
  if (!columns) perDb.set(db, (columns = new Map()));
  let ranks = columns.get(column);
  if (!ranks) columns.set(column, (ranks = new Ranks()));
  return ranks;
}

/** Ids of [id, value] rows in Chinese order of the values, nulls last either way, ties by id (descending too when desc). */
export function zhSorted(db: Db, column: ZhColumn, rows: readonly [number, string | null][], desc: boolean): number[] {
  const ranks = ranksOf(db, column);
  ranks.know(rows.map(([, v]) => v));
  const rankOf = (v: string | null): number => (v === null ? NULL_RANK : desc ? ranks.size - 1 - ranks.of(v) : ranks.of(v));
  if (rows.some(([id]) => id >= ID_SPAN)) {
    const keyed = rows.map(([id, v]) => [rankOf(v), desc ? -id : id, id] as const);
    return keyed.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , id]) => id);
  }
  const keys = new Float64Array(rows.length);
  rows.forEach(([id, v], i) => (keys[i] = rankOf(v) * ID_SPAN + (desc ? ID_SPAN - 1 - id : id)));
  keys.sort();
  return Array.from(keys, (k) => (desc ? ID_SPAN - 1 - (k % ID_SPAN) : k % ID_SPAN));
}
