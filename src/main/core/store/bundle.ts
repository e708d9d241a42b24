// Merging another library (a bundle's database, opened read-only) into this one, in one
// transaction. The same bytes (sha256) are the same report: its names, history and the other
// side's corrections are merged into it. Other reports are added, linked to a near-duplicate twin
// (minhash) where there is one. A figure both sides corrected differently keeps the local value
// and the incoming one is stored as a conflict, never silently overwritten.
//
// Schema-aware: every table is copied by the columns both databases have, so a column a later
// migration adds travels without a change here. Tables:
//   reports and what hangs off them (files, names, pages, bands, fields, history, checks, unmapped
//     rows): the rules below; ids are made anew, links to other rows mapped
//   any other table linking rows to reports: copied with the links mapped, for the reports added
//   any other table linking nothing (OCR cache, saved views, …): rows copied, a row whose key is
//     already here stays as it is here
//   not carried: LOCAL_TABLES (this library's own work log and open questions) and caches and
//     indexes that are made again (report text index, outlines)
// Trash: what the sender moved to the trash does not travel; a report in this library's trash
// stays there, and what the bundle knows of it (names, corrections, history) is merged into it.
// Saved views: the bundle's views are added; a view of the same name here is kept as it is.
import { sql, type Db } from './db';
import { bands } from '../import/fingerprint';
import { findFileBySha, findNearDuplicate, listFields, writeChecks } from './reports';
import { refreshCrossYear } from './cross-year';
import { RANK_COLUMNS } from './zh-order';
import { validate } from '../validate';
import type { FieldStatus, FieldValue } from '../../../shared/model';
import type { MergeConflict } from '../../../shared/api';

export interface MergeSummary {
  /** reports in the bundle */
  reports: number;
  /** added as new reports */
  added: number;
  /** of the added, linked to a near-duplicate twin */
  nearDuplicates: number;
  /** already here byte for byte (sha256) */
  exactDuplicates: number;
  /** file names and paths learned */
  names: number;
  /** corrections and verifications taken over from the bundle */
  adopted: number;
  /** history entries taken over */
  history: number;
  /** figures corrected differently on both sides */
  conflicts: number;
  /** rows of other tables taken over (OCR cache, saved views, …), by table */
  other: Record<string, number>;
}

type Row = Record<string, unknown>;
interface ReportRow extends Row {
  id: number;
  agency: string | null;
  year: number | null;
  review_status: string;
  duplicate_of: number | null;
  minhash: Buffer | null;
}
interface FieldRow extends Row {
  key: string;
  value: FieldValue;
  status: FieldStatus;
  updated_at: string;
}

const HUMAN: readonly FieldStatus[] = ['corrected', 'verified'];
/** meta fields mirrored in columns of reports */
const META_COLUMNS: Record<string, string> = {
  'meta.title': 'title',
  'meta.agency': 'agency',
  'meta.region': 'region',
  'meta.year': 'year',
  'meta.format': 'format',
  'meta.doc_kind': 'doc_kind',
};

/** Merged by the rules of this module. */
const REPORT_TABLES = ['reports', 'files', 'file_sources', 'pages', 'report_bands', 'fields', 'field_history', 'checks', 'unmapped_rows'];
/** Never carried: this library's own import log and merge questions, and what is made again here. */
export const LOCAL_TABLES: Readonly<Record<string, string>> = {
  jobs: 'import log of this library',
  job_outcomes: 'import log of this library',
  merge_conflicts: "the sender's own open conflicts",
  report_outlines: 'cache, made again by the analysis',
  zh_ranks: 'Chinese-order ranks of this library (the reports added are ranked here)',
  report_counts: "counts kept by triggers from this library's reports",
  change_counters: 'counters of changes to this library',
};

const signature = (b: Buffer | null): Uint32Array | null => (b && b.byteLength === 256 ? new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) : null);

interface Column {
  name: string;
  type: string;
  pk: number;
}
const columnsOf = (d: Db, table: string): Column[] => d.pragma(`table_info(${JSON.stringify(table)})`) as Column[];
/** an INTEGER PRIMARY KEY: the rowid, made anew on insert */
const rowidAlias = (cols: Column[]): string | null => {
  const pk = cols.filter((c) => c.pk > 0);
  return pk.length === 1 && pk[0]!.type.toUpperCase() === 'INTEGER' ? pk[0]!.name : null;
};

/** Columns of a table that both databases have, in the destination's order, less some. */
function sharedColumns(db: Db, src: Db, table: string, except: readonly string[] = []): string[] {
  const theirs = new Set(columnsOf(src, table).map((c) => c.name));
  return columnsOf(db, table)
    .map((c) => c.name)
    .filter((c) => theirs.has(c) && !except.includes(c));
}

/** The ordinary tables of a database (no SQLite internals, no full-text index and its shadows). */
export function plainTables(d: Db): string[] {
  return (d.pragma('table_list') as { schema: string; name: string; type: string }[])
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => t.name);
}

/** Columns of a table that link to other tables: column → table it points at. */
const linksOf = (d: Db, table: string): Map<string, string> =>
  new Map((d.pragma(`foreign_key_list(${JSON.stringify(table)})`) as { table: string; from: string }[]).map((k) => [k.from, k.table]));

/**
 * How a table travels: by the report rules, not at all (local), copied with its links to reports
 * mapped (for the reports added), copied as it is (no links), or `unmapped`: it links to other rows
 * than reports, which no generic rule can map (a table like that needs a rule of its own).
 */
export function tableRule(db: Db, table: string): 'report' | 'local' | 'linked' | 'copied' | 'unmapped' {
  if (REPORT_TABLES.includes(table)) return 'report';
  if (table in LOCAL_TABLES) return 'local';
  const links = [...linksOf(db, table).values()];
  if (links.some((to) => to !== 'reports')) return 'unmapped';
  return links.length ? 'linked' : 'copied';
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * An INSERT of a table's shared columns: the given link columns first (values set by the caller),
 * then the rest copied from the bundle's row; the rowid alias is made anew.
 */
function inserter(db: Db, src: Db, table: string, links: readonly string[], verb = 'INSERT'): { run: (row: Row, ...linkValues: unknown[]) => { changes: number; id: number } } {
  const alias = rowidAlias(columnsOf(db, table));
  const copied = sharedColumns(db, src, table, [...links, ...(alias ? [alias] : [])]);
  const all = [...links, ...copied];
  const stmt = sql(db, `${verb} INTO ${quote(table)} (${all.map(quote).join(', ')}) VALUES (${all.map(() => '?').join(', ')})`);
  return {
    run: (row, ...linkValues) => {
      const r = stmt.run(...linkValues, ...copied.map((c) => row[c]));
      return { changes: r.changes, id: Number(r.lastInsertRowid) };
    },
  };
}

export function mergeLibrary(db: Db, src: Db, bundle: string): MergeSummary {
  const summary: MergeSummary = { reports: 0, added: 0, nearDuplicates: 0, exactDuplicates: 0, names: 0, adopted: 0, history: 0, conflicts: 0, other: {} };
  const ids = new Map<number, number>();
  const added = new Set<number>();
  const touched = new Set<number>();
  const now = new Date().toISOString();

  const insertFile = inserter(db, src, 'files', ['report_id']);
  const insertPage = inserter(db, src, 'pages', ['file_id']);
  const insertName = inserter(db, src, 'file_sources', ['file_id', 'job_id'], 'INSERT OR IGNORE');
  const insertField = inserter(db, src, 'fields', ['report_id'], 'INSERT OR REPLACE');
  const insertCheck = inserter(db, src, 'checks', ['report_id']);
  const insertUnmapped = inserter(db, src, 'unmapped_rows', ['report_id']);
  // a report's own columns; duplicate_of is mapped, and it is not in this library's text index yet
  // nor in this library's Chinese order (its ranks are not the sender's)
  const insertReport = inserter(db, src, 'reports', ['duplicate_of', 'text_indexed', ...RANK_COLUMNS]);
  const reportColumns = sharedColumns(db, src, 'reports', ['id', 'duplicate_of', 'text_indexed', ...RANK_COLUMNS]);
  const restoreReport = sql(db, `UPDATE reports SET ${reportColumns.map((c) => `${quote(c)} = ?`).join(', ')} WHERE id = ?`);

  const copyFile = (f: Row, reportId: number): number => {
    const fileId = insertFile.run(f, reportId).id;
    for (const p of src.prepare('SELECT * FROM pages WHERE file_id = ? ORDER BY page').iterate(f.id) as Iterable<Row>) insertPage.run(p, fileId);
    return fileId;
  };

  const copyNames = (srcFileId: unknown, fileId: number): void => {
    for (const s of src.prepare('SELECT * FROM file_sources WHERE file_id = ? ORDER BY id').all(srcFileId) as Row[]) summary.names += insertName.run(s, fileId, null).changes;
  };

  // history: every column both sides have; a restore's link to the row it reverted is mapped
  const historyLinks = sharedColumns(db, src, 'field_history').includes('restored_from') ? ['report_id', 'restored_from'] : ['report_id'];
  const insertHistory = inserter(db, src, 'field_history', historyLinks);
  const historyIds = new Map<unknown, number>();
  const copyHistory = (srcId: number, reportId: number): void => {
    const existing = sql(
      db,
      'SELECT id FROM field_history WHERE report_id = ? AND key = ? AND changed_at = ? AND changed_by = ? AND new_status = ? AND new_value IS ?',
    ).pluck();
    for (const h of src.prepare('SELECT * FROM field_history WHERE report_id = ? ORDER BY id').all(srcId) as Row[]) {
      const here = existing.get(reportId, h.key, h.changed_at, h.changed_by, h.new_status, h.new_value) as number | undefined;
      if (here !== undefined) {
        historyIds.set(h.id, here);
        continue;
      }
      historyIds.set(h.id, insertHistory.run(h, reportId, historyIds.get(h.restored_from) ?? null).id);
      summary.history++;
    }
  };

  const writeField = (reportId: number, f: FieldRow): void => {
    insertField.run(f, reportId);
    const column = META_COLUMNS[f.key];
    if (column) sql(db, `UPDATE reports SET ${column} = ? WHERE id = ?`).run(f.value, reportId);
  };

  const addReport = (r: ReportRow, files: Row[]): number => {
    const sig = signature(r.minhash);
    const mapped = r.duplicate_of === null ? undefined : ids.get(r.duplicate_of);
    const twin = mapped ?? (sig ? findNearDuplicate(db, sig, { year: r.year, agency: r.agency }) : null);
    const root = twin === null ? null : ((sql(db, 'SELECT duplicate_of FROM reports WHERE id = ?').pluck().get(twin) as number | null) ?? twin);
    const id = insertReport.run(r, root, 0, ...RANK_COLUMNS.map(() => null)).id;
    if (root !== null) summary.nearDuplicates++;
    for (const f of files) copyNames(f.id, copyFile(f, id));
    if (sig) {
      const band = sql(db, 'INSERT OR IGNORE INTO report_bands (band, hash, report_id) VALUES (?, ?, ?)');
      bands(sig).forEach((h, i) => band.run(i, h, id));
    }
    for (const f of src.prepare('SELECT * FROM fields WHERE report_id = ? ORDER BY rowid').all(r.id) as FieldRow[]) writeField(id, f);
    copyHistory(r.id, id);
    for (const c of src.prepare('SELECT * FROM checks WHERE report_id = ? ORDER BY seq').all(r.id) as Row[]) insertCheck.run(c, id);
    for (const u of src.prepare('SELECT * FROM unmapped_rows WHERE report_id = ? ORDER BY seq').all(r.id) as Row[]) insertUnmapped.run(u, id);
    // columns that triggers keep (counts, firsts) moved while the rows came in: the bundle's values
    // describe exactly these rows
    restoreReport.run(...reportColumns.map((c) => r[c]), id);
    if (root === null) touched.add(id);
    added.add(id);
    summary.added++;
    return id;
  };

  const mergeInto = (reportId: number, r: ReportRow, files: Row[]): void => {
    for (const f of files) {
      const here = findFileBySha(db, f.sha256 as string);
      copyNames(f.id, here ? here.fileId : copyFile(f, reportId));
    }
    const before = summary.history;
    copyHistory(r.id, reportId);
    let changed = summary.history > before;
    const local = sql(db, 'SELECT * FROM fields WHERE report_id = ? AND key = ?');
    for (const f of src.prepare(`SELECT * FROM fields WHERE report_id = ? AND status IN ('corrected', 'verified') ORDER BY rowid`).all(r.id) as FieldRow[]) {
      const mine = local.get(reportId, f.key) as FieldRow | undefined;
      if (!mine || !HUMAN.includes(mine.status)) {
        writeField(reportId, f);
        summary.adopted++;
        changed = true;
      } else if (mine.value !== f.value) {
        const lastBy = src.prepare('SELECT changed_by FROM field_history WHERE report_id = ? AND key = ? ORDER BY id DESC LIMIT 1').pluck().get(r.id, f.key) as string | undefined;
        summary.conflicts += sql(
          db,
          `INSERT OR IGNORE INTO merge_conflicts (report_id, key, local_value, local_status, incoming_value, incoming_status, incoming_by, incoming_at, bundle, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(reportId, f.key, mine.value, mine.status, f.value, f.status, lastBy ?? null, f.updated_at, bundle, now).changes;
      }
    }
    if (r.review_status === 'verified') {
      changed = sql(db, "UPDATE reports SET review_status = 'verified' WHERE id = ? AND review_status <> 'verified'").run(reportId).changes > 0 || changed;
    }
    if (changed) {
      sql(db, 'UPDATE reports SET updated_at = ? WHERE id = ?').run(now, reportId);
      writeChecks(db, reportId, validate(listFields(db, reportId)));
      touched.add(reportId);
    }
  };

  /** Tables the rules above do not name: rows linked to reports follow the reports added, the rest is copied unless here. */
  const mergeOtherTables = (): void => {
    const theirs = new Set(plainTables(src));
    for (const table of plainTables(db)) {
      const rule = tableRule(db, table);
      if ((rule !== 'linked' && rule !== 'copied') || !theirs.has(table)) continue;
      const columns = [...linksOf(db, table).keys()];
      const insert = inserter(db, src, table, columns, 'INSERT OR IGNORE');
      let n = 0;
      for (const row of src.prepare(`SELECT * FROM ${quote(table)}`).iterate() as Iterable<Row>) {
        const mapped = columns.map((c) => (row[c] === null ? null : ids.get(row[c] as number)));
        // rows of reports that did not come in (left in the sender's trash, or already here) stay behind
        if (columns.length && mapped.some((id, i) => (row[columns[i]!] !== null && id === undefined) || (id != null && !added.has(id)))) continue;
        n += insert.run(row, ...mapped).changes;
      }
      if (n) summary.other[table] = n;
    }
  };

  // what the sender moved to the trash does not travel
  const live = columnsOf(src, 'reports').some((c) => c.name === 'deleted_at') ? 'WHERE deleted_at IS NULL' : '';
  db.transaction(() => {
    for (const r of src.prepare(`SELECT * FROM reports ${live} ORDER BY id`).all() as ReportRow[]) {
      summary.reports++;
      const files = src.prepare('SELECT * FROM files WHERE report_id = ? ORDER BY id').all(r.id) as Row[];
      const existing = files.map((f) => findFileBySha(db, f.sha256 as string)).find((e) => e !== undefined);
      if (existing) {
        ids.set(r.id, existing.reportId);
        summary.exactDuplicates++;
        mergeInto(existing.reportId, r, files);
      } else ids.set(r.id, addReport(r, files));
    }
    mergeOtherTables();
    for (const id of touched) {
      const identity = sql(db, 'SELECT agency, year FROM reports WHERE id = ?').get(id) as { agency: string | null; year: number | null };
      refreshCrossYear(db, id, identity.agency, identity.year);
    }
  })();
  return summary;
}

/** The shas of every original the bundle's reports need. */
export function bundleShas(src: Db): string[] {
  return src.prepare('SELECT sha256 FROM files ORDER BY id').pluck().all() as string[];
}

export function listConflicts(db: Db, reportId?: number): MergeConflict[] {
  return sql(
    db,
    `SELECT id, report_id AS reportId, key, local_value AS localValue, local_status AS localStatus, incoming_value AS incomingValue,
            incoming_status AS incomingStatus, incoming_by AS incomingBy, incoming_at AS incomingAt, bundle, created_at AS createdAt
     FROM merge_conflicts WHERE resolved_at IS NULL AND (@reportId IS NULL OR report_id = @reportId) ORDER BY report_id, key, id`,
  ).all({ reportId: reportId ?? null }) as MergeConflict[];
}

export function getConflict(db: Db, id: number): MergeConflict | undefined {
  return listConflicts(db).find((c) => c.id === id);
}


export function markConflictResolved(db: Db, id: number, resolution: 'local' | 'incoming'): void {
  sql(db, 'UPDATE merge_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?').run(new Date().toISOString(), resolution, id);
}

/** A consistent copy of the whole database (VACUUM INTO works while the library is in use). */
export function snapshotDatabase(db: Db, target: string): { reports: number; files: number } {
  db.prepare('VACUUM INTO ?').run(target);
  return {
    reports: sql(db, 'SELECT count(*) FROM reports').pluck().get() as number,
    files: sql(db, 'SELECT count(*) FROM files').pluck().get() as number,
  };
}

/** A bundle's database is damaged when SQLite's own check fails. */
export function databaseIntact(db: Db): boolean {
  return db.pragma('quick_check', { simple: true }) === 'ok';
}
