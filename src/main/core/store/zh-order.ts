// Chinese order for the library's text columns. better-sqlite3 cannot register a collation, and
// reading 100,000 strings into JavaScript costs more than sorting them, so every value of a column
// has a stored rank under Intl.Collator('zh-CN') (zh_ranks, with gaps for values that come later)
// and every report the rank of its value (reports.<column>_rank). Values without a rank yet are
// ranked here before a sort by their column; the sort itself is on integers
// (store/sort-ids.ts).
import { sql, type Db } from './db';
import { MAX_KEY } from './sort-ids';

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Sortable text columns of reports. */
export const ZH_COLUMNS = { agency: 'agency', region: 'region', fileName: 'file_name' } as const;
export type ZhColumn = keyof typeof ZH_COLUMNS;
/** reports' columns holding the ranks: this library's own, never copied from another */
export const RANK_COLUMNS = Object.values(ZH_COLUMNS).map((c) => `${c}_rank`);

/** room left between two ranks when a column is numbered (less when many values share the key range) */
const GAP = 2 ** 16;

/** A column's ranked values in order, as zh_ranks holds them (per connection). */
interface Ranked {
  values: string[];
  ranks: number[];
  /** PRAGMA data_version when read: another connection's commit makes it stale */
  version: number;
}

const cache = new WeakMap<Db, Map<string, Ranked>>();

const dataVersion = (db: Db): number => db.pragma('data_version', { simple: true }) as number;

function ranked(db: Db, col: string): Ranked {
  let columns = cache.get(db);
  if (!columns) cache.set(db, (columns = new Map()));
  const version = dataVersion(db);
  let r = columns.get(col);
  // stale after another connection's commit, or a write of this one other than rankValues
  if (!r || r.version !== version || r.values.length !== sql(db, 'SELECT count(*) FROM zh_ranks WHERE col = ?').pluck().get(col)) {
    const rows = sql(db, 'SELECT value, rank FROM zh_ranks WHERE col = ? ORDER BY rank').raw().all(col) as [string, number][];
    columns.set(col, (r = { values: rows.map(([v]) => v), ranks: rows.map(([, k]) => k), version }));
  }
  return r;
}

/** first index whose value sorts after `value` */
function position(values: readonly string[], value: string): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (collator.compare(values[mid]!, value) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ranks for new values, each between its neighbours' ranks; null when some gap is too small (the
 * column is then numbered again).
 */
function placed(r: Ranked, added: readonly string[]): Map<string, number> | null {
  const groups = new Map<number, string[]>();
  for (const v of added) {
    const at = position(r.values, v);
    const group = groups.get(at);
    if (group) group.push(v);
    else groups.set(at, [v]);
  }
  const ranks = new Map<string, number>();
  for (const [at, group] of groups) {
    const lo = at > 0 ? r.ranks[at - 1]! : 0;
    const hi = at < r.values.length ? r.ranks[at]! : Math.min(MAX_KEY + 1, lo + GAP * (group.length + 1));
    if (hi - lo <= group.length) return null;
    group.sort(collator.compare).forEach((v, j) => ranks.set(v, lo + Math.floor(((hi - lo) * (j + 1)) / (group.length + 1))));
  }
  return ranks;
}

/** Rank the column's new values in zh_ranks; whether the column was numbered afresh (every report's rank is stale). */
function rankColumn(db: Db, col: string, missing: readonly string[]): boolean {
  const r = ranked(db, col);
  const known = new Set(r.values);
  const added = missing.filter((v) => !known.has(v));
  const ranks = r.values.length ? placed(r, added) : null;
  if (ranks) {
    const insert = sql(db, 'INSERT INTO zh_ranks (col, value, rank) VALUES (?, ?, ?)');
    for (const [v, k] of ranks) insert.run(col, v, k);
    const merged = [...r.values.map((v, i) => [v, r.ranks[i]!] as const), ...ranks].sort((a, b) => a[1] - b[1]);
    r.values = merged.map(([v]) => v);
    r.ranks = merged.map(([, k]) => k);
    return false;
  }
  // numbered afresh: every value, evenly spaced
  const values = [...r.values, ...added].sort(collator.compare);
  const gap = Math.min(GAP, Math.floor(MAX_KEY / (values.length + 1)));
  sql(db, 'DELETE FROM zh_ranks WHERE col = ?').run(col);
  const insert = sql(db, 'INSERT INTO zh_ranks (col, value, rank) VALUES (?, ?, ?)');
  values.forEach((v, i) => insert.run(col, v, (i + 1) * gap));
  r.values = values;
  r.ranks = values.map((_, i) => (i + 1) * gap);
  return true;
}

/**
 * Give a rank to every value of the columns that has none, and to the reports holding them (in
 * one pass over the reports: rewriting a row costs more than looking up its ranks).
 */
export function rankValues(db: Db, keys: readonly ZhColumn[]): void {
  const unranked = (col: string) => `(${col}_rank IS NULL AND ${col} IS NOT NULL)`;
  const pending = keys
    .map((key) => ZH_COLUMNS[key])
    .map((col) => ({ col, missing: sql(db, `SELECT DISTINCT ${col} FROM reports WHERE ${unranked(col)}`).pluck().all() as string[] }))
    .filter((c) => c.missing.length > 0);
  if (pending.length === 0) return;
  const run = db.transaction(() => {
    // every report of a column numbered afresh, else those without a rank
    const which = pending.map(({ col, missing }) => (rankColumn(db, col, missing) ? `${col} IS NOT NULL` : unranked(col)));
    const set = pending.map(({ col }) => `${col}_rank = (SELECT rank FROM zh_ranks WHERE col = '${col}' AND value = reports.${col})`);
    db.prepare(`UPDATE reports SET ${set.join(', ')} WHERE ${which.join(' OR ')}`).run();
  });
  run.immediate();
}

/**
 * Rank what is new in every column: after an import (its reports' values, a fraction of the
 * import's time), a bundle merge and when a library opens, so that a sort only ranks what changed since.
 */
export function rankPending(db: Db): void {
  rankValues(db, Object.keys(ZH_COLUMNS) as ZhColumn[]);
}
