// Chinese order for SQL sorting: better-sqlite3 cannot register a collation, so text columns sort
// by zh_rank(column, value), the value's position among the column's values under
// Intl.Collator('zh-CN'). Ranks follow the library as it grows: values of reports added since
// the last sort are merged in before a query, anything else met during one gets a rank between
// its neighbours.
import type { Db } from './db';

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Sortable text columns of reports, by the name zh_rank knows them under. */
export const ZH_COLUMNS = { agency: 'agency', region: 'region', fileName: 'file_name' } as const;
export type ZhColumn = keyof typeof ZH_COLUMNS;

/** Merging more values than this sorts them all again instead of inserting one by one. */
const BULK_MERGE = 256;

class Ranks {
  private values: string[] = [];
  private rank = new Map<string, number>();
  private renumber = false;
  /** highest report id whose value is known */
  seenId = 0;

  merge(fresh: string[]): void {
    const added = [...new Set(fresh)].filter((v) => !this.rank.has(v));
    if (added.length > BULK_MERGE) this.values = [...this.values, ...added].sort(collator.compare);
    else for (const v of added) this.values.splice(this.position(v), 0, v);
    if (added.length || this.renumber) {
      this.rank = new Map(this.values.map((v, i) => [v, i]));
      this.renumber = false;
    }
  }

  of(value: string): number {
    const known = this.rank.get(value);
    if (known !== undefined) return known;
    const at = this.position(value);
    const below = at > 0 ? this.rank.get(this.values[at - 1]!)! : -1;
    const above = at < this.values.length ? this.rank.get(this.values[at]!)! : below + 2;
    const r = (below + above) / 2;
    this.values.splice(at, 0, value);
    this.rank.set(value, r);
    this.renumber = true;
    return r;
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

const perDb = new WeakMap<Db, Map<string, Ranks>>();

function ranksOf(db: Db): Map<string, Ranks> {
  let columns = perDb.get(db);
  if (!columns) {
    const made = new Map<string, Ranks>(Object.values(ZH_COLUMNS).map((c) => [c, new Ranks()]));
    db.function('zh_rank', (column: unknown, value: unknown) => (typeof value === 'string' ? (made.get(String(column))?.of(value) ?? null) : null));
    perDb.set(db, (columns = made));
  }
  return columns;
}

/** Register zh_rank on the connection (once) and bring the column's ranks up to date. */
export function prepareZhOrder(db: Db, column: ZhColumn): void {
  const name = ZH_COLUMNS[column];
  const ranks = ranksOf(db).get(name)!;
  const fresh = db.prepare(`SELECT id, ${name} AS v FROM reports WHERE id > ? AND ${name} IS NOT NULL`).raw().all(ranks.seenId) as [number, string][];
  ranks.merge(fresh.map(([, v]) => v));
  const last = db.prepare('SELECT max(id) FROM reports').pluck().get() as number | null;
  ranks.seenId = Math.max(ranks.seenId, last ?? 0);
}

/** SQL expression ordering the column in Chinese order (after prepareZhOrder). */
export const zhOrderExpr = (column: ZhColumn): string => `zh_rank('${ZH_COLUMNS[column]}', r.${ZH_COLUMNS[column]})`;
