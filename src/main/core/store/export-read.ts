// Reading reports for export in batches: one query per table per batch instead of several per
// report, and never the document text, so exports of 10,000 reports stay fast and flat in memory.
import Database from 'better-sqlite3';
import { sql, type Db } from './db';
import { checkOf, type CheckRow } from './reports';
import type { CheckResult, FieldStatus, FieldValue, ReportSummary, UnmappedRow } from '../../../shared/model';

/** A stored field as read for export, its columns in this order: an array per row, no object. */
export type FieldRow = readonly [
  reportId: number,
  key: string,
  value: FieldValue,
  text: string | null,
  unit: string | null,
  approx: number,
  confidence: number,
  status: FieldStatus,
  note: string | null,
  /** the source as stored (JSON), when read */
  source: string | null,
];
/** Positions in a FieldRow. */
export const F = { key: 1, value: 2, text: 3, unit: 4, approx: 5, confidence: 6, status: 7, note: 8, source: 9 } as const;

/** The columns an export may go without (each value read costs): column, and what stands in for it. */
const OPTIONAL = {
  text: ['original_text', 'NULL'],
  unit: ['unit', 'NULL'],
  approx: ['approx', '0'],
  confidence: ['confidence', '0'],
  note: ['note', 'NULL'],
  source: ['source', 'NULL'],
} as const;
export type FieldColumn = keyof typeof OPTIONAL;
const ALL_COLUMNS = Object.keys(OPTIONAL) as FieldColumn[];

function fieldColumns(wanted: readonly FieldColumn[]): string {
  const c = (name: FieldColumn): string => OPTIONAL[name][wanted.includes(name) ? 0 : 1];
  return `report_id, key, value, ${c('text')}, ${c('unit')}, ${c('approx')}, ${c('confidence')}, status, ${c('note')}, ${c('source')}`;
}

const BATCH = 100;

/** A read-only connection for an export's worker thread (the library is open, migrated, elsewhere). */
export function openExportReader(dbPath: string): Db {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

function groupBy<T extends { report_id: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    let list = out.get(r.report_id);
    if (!list) out.set(r.report_id, (list = []));
    list.push(r);
  }
  return out;
}

/** What an export reads besides the fields' values: their sources, the checks, unmapped rows. */
export interface ReadNeeds {
  /** the fields' columns besides report, key, value and status (default all; the others read as NULL or 0) */
  columns?: readonly FieldColumn[];
  checks?: 'all' | 'failing' | 'none';
  unmapped?: boolean;
  /** who last changed each field by hand, and when (from its history) */
  lastChanges?: boolean;
}

/** A field's last change by a person: by whom and when. */
export type LastChange = readonly [by: string, at: string];


const PAGE = /"page":(\d+)/;
const SPAN = /"span":\[(\d+),(\d+)\]/;

/**
 * The page and the character span ("120-134") of a field's source without parsing it: sources
 * are flat JSON written by JSON.stringify of a FieldSource (sha256, span, page, box).
 */
export function fieldPlace(source: string | null): [page: number | null, span: string | null] {
  if (!source) return [null, null];
  const page = PAGE.exec(source);
  const span = SPAN.exec(source);
  return [page ? Number(page[1]) : null, span ? `${span[1]}-${span[2]}` : null];
}

/** One report as an export reads it: the field rows as arrays, no object per field. */
export class ExportSource {
  constructor(
    readonly id: number,
    readonly duplicateOf: number | null,
    readonly reviewStatus: ReportSummary['reviewStatus'],
    readonly files: { name: string; sha256: string }[],
    readonly rows: readonly FieldRow[],
    readonly checks: CheckResult[],
    readonly unmapped: Omit<UnmappedRow, 'span'>[],
    /** by field key, when read */
    readonly lastChanges: ReadonlyMap<string, LastChange> = new Map(),
  ) {}
  /** the same report with only some of its fields */
  keep(test: (f: FieldRow) => boolean): ExportSource {
    return new ExportSource(this.id, this.duplicateOf, this.reviewStatus, this.files, this.rows.filter(test), this.checks, this.unmapped, this.lastChanges);
  }
}

function readBatch(db: Db, ids: readonly number[], needs: ReadNeeds): ExportSource[] {
  const json = JSON.stringify(ids);
  const reports = sql(db, 'SELECT id, duplicate_of, review_status FROM reports WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').raw().all(json) as [
    number,
    number | null,
    ExportSource['reviewStatus'],
  ][];
  const files = groupBy(
    sql(
      db,
      `SELECT f.report_id, s.name, f.sha256 FROM files f JOIN file_sources s ON s.file_id = f.id
       WHERE f.report_id IN (SELECT value FROM json_each(?)) ORDER BY f.id, s.id`,
    ).all(json) as { report_id: number; name: string; sha256: string }[],
  );
  const fields = new Map<number, FieldRow[]>();
  // in the primary key's order: no sort
  for (const f of sql(db, `SELECT ${fieldColumns(needs.columns ?? ALL_COLUMNS)} FROM fields WHERE report_id IN (SELECT value FROM json_each(?)) ORDER BY report_id, key`).raw().all(json) as FieldRow[]) {
    let list = fields.get(f[0]);
    if (!list) fields.set(f[0], (list = []));
    list.push(f);
  }
  const checkSql = {
    all: 'SELECT report_id, rule, ok, severity, message, keys, diff FROM checks WHERE report_id IN (SELECT value FROM json_each(?)) ORDER BY report_id, seq',
    failing: 'SELECT report_id, rule, ok, severity, message, keys, diff FROM checks WHERE report_id IN (SELECT value FROM json_each(?)) AND ok = 0 ORDER BY report_id, seq',
    none: null,
  }[needs.checks ?? 'all'];
  const checks = groupBy((checkSql ? sql(db, checkSql).all(json) : []) as (CheckRow & { report_id: number })[]);
  const unmapped = groupBy(
    (needs.unmapped === false ? [] : sql(db, 'SELECT report_id, label, "values" FROM unmapped_rows WHERE report_id IN (SELECT value FROM json_each(?)) ORDER BY report_id, seq').all(json)) as {
      report_id: number;
      label: string;
      values: string;
    }[],
  );
  const changes = new Map<number, Map<string, LastChange>>();
  if (needs.lastChanges) {
    // the newest history row of each field (the index on report_id, key finds them)
    const rows = sql(
      db,
      `SELECT h.report_id, h.key, h.changed_by, h.changed_at FROM field_history h
       WHERE h.id IN (SELECT max(id) FROM field_history WHERE report_id IN (SELECT value FROM json_each(?)) GROUP BY report_id, key)`,
    )
      .raw()
      .all(json) as [number, string, string, string][];
    for (const [reportId, key, by, at] of rows) {
      let map = changes.get(reportId);
      if (!map) changes.set(reportId, (map = new Map()));
      map.set(key, [by, at]);
    }
  }
  return reports.map(
    ([id, duplicateOf, reviewStatus]) =>
      new ExportSource(
        id,
        duplicateOf,
        reviewStatus,
        (files.get(id) ?? []).map((f) => ({ name: f.name, sha256: f.sha256 })),
        fields.get(id) ?? [],
        (checks.get(id) ?? []).map(checkOf),
        (unmapped.get(id) ?? []).map((u) => ({ label: u.label, values: JSON.parse(u.values) as (number | null)[] })),
        changes.get(id),
      ),
  );
}

/** The reports with these ids, in id order, a batch at a time (everything unless told otherwise). */
export function* readForExport(db: Db, ids: readonly number[], needs: ReadNeeds = {}): Generator<ExportSource> {
  for (let i = 0; i < ids.length; i += BATCH) yield* readBatch(db, ids.slice(i, i + BATCH), needs);
}

/** Every file of the reports, with all the names and paths it arrived under. */
export function filesWithNames(db: Db, ids: readonly number[]): { reportId: number; sha256: string; size: number; kind: string; names: string[]; paths: string[] }[] {
  const rows = sql(
    db,
    `SELECT f.report_id AS reportId, f.sha256, f.size, f.kind, json_group_array(s.name) AS names, json_group_array(s.path) AS paths
     FROM files f JOIN file_sources s ON s.file_id = f.id
     WHERE f.report_id IN (SELECT value FROM json_each(?))
     GROUP BY f.id ORDER BY f.report_id, f.id`,
  ).all(JSON.stringify(ids)) as { reportId: number; sha256: string; size: number; kind: string; names: string; paths: string }[];
  return rows.map((r) => ({ ...r, names: JSON.parse(r.names) as string[], paths: JSON.parse(r.paths) as string[] }));
}
