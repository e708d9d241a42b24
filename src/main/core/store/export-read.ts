// Reading reports for export in batches: one query per table per batch instead of several per
// report, and never the document text, so exports of 10,000 reports stay fast and flat in memory.
import { sql, type Db } from './db';
import type { CheckResult, ExtractedField, FieldStatus, ReportSummary, UnmappedRow } from '../../../shared/model';

export interface ExportSource {
  id: number;
  duplicateOf: number | null;
  reviewStatus: ReportSummary['reviewStatus'];
  files: { name: string; sha256: string }[];
  fields: ExtractedField[];
  checks: CheckResult[];
  unmapped: Omit<UnmappedRow, 'span'>[];
}

const BATCH = 400;

function groupBy<T extends { report_id: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    let list = out.get(r.report_id);
    if (!list) out.set(r.report_id, (list = []));
    list.push(r);
  }
  return out;
}

interface FieldRow {
  report_id: number;
  key: string;
  value: number | string | null;
  original_text: string | null;
  unit: string | null;
  approx: number;
  confidence: number;
  status: FieldStatus;
  source: string;
  note: string | null;
}

function readBatch(db: Db, ids: number[]): ExportSource[] {
  const json = JSON.stringify(ids);
  const reports = sql(db, 'SELECT id, duplicate_of AS duplicateOf, review_status AS reviewStatus FROM reports WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(json) as {
    id: number;
    duplicateOf: number | null;
    reviewStatus: ExportSource['reviewStatus'];
  }[];
  const files = groupBy(
    sql(
      db,
      `SELECT f.report_id, s.name, f.sha256 FROM files f JOIN file_sources s ON s.file_id = f.id
       WHERE f.report_id IN (SELECT value FROM json_each(?)) ORDER BY f.id, s.id`,
    ).all(json) as { report_id: number; name: string; sha256: string }[],
  );
  const fields = groupBy(sql(db, 'SELECT * FROM fields WHERE report_id IN (SELECT value FROM json_each(?)) ORDER BY report_id, rowid').all(json) as FieldRow[]);
  const checks = groupBy(
    sql(db, 'SELECT report_id, rule, ok, severity, message, keys, diff FROM checks WHERE report_id IN (SELECT value FROM json_each(?)) ORDER BY report_id, seq').all(json) as {
      report_id: number;
      rule: string;
      ok: number;
      severity: CheckResult['severity'];
      message: string;
      keys: string;
      diff: number | null;
    }[],
  );
  const unmapped = groupBy(
    sql(db, 'SELECT report_id, label, "values" FROM unmapped_rows WHERE report_id IN (SELECT value FROM json_each(?)) ORDER BY report_id, seq').all(json) as {
      report_id: number;
      label: string;
      values: string;
    }[],
  );
  return reports.map((r) => ({
    ...r,
    files: (files.get(r.id) ?? []).map((f) => ({ name: f.name, sha256: f.sha256 })),
    fields: (fields.get(r.id) ?? []).map((f) => ({
      key: f.key,
      value: f.value,
      text: f.original_text,
      ...(f.unit ? { unit: f.unit } : {}),
      ...(f.approx ? { approx: true } : {}),
      confidence: f.confidence,
      status: f.status,
      source: JSON.parse(f.source) as ExtractedField['source'],
      ...(f.note ? { note: f.note } : {}),
    })),
    checks: (checks.get(r.id) ?? []).map((c) => ({
      rule: c.rule,
      ok: c.ok === 1,
      severity: c.severity,
      message: c.message,
      keys: JSON.parse(c.keys) as string[],
      ...(c.diff === null ? {} : { diff: c.diff }),
    })),
    unmapped: (unmapped.get(r.id) ?? []).map((u) => ({ label: u.label, values: JSON.parse(u.values) as (number | null)[] })),
  }));
}

/** The reports with these ids, in id order, a batch at a time. */
export function* readForExport(db: Db, ids: readonly number[]): Generator<ExportSource> {
  for (let i = 0; i < ids.length; i += BATCH) yield* readBatch(db, ids.slice(i, i + BATCH));
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
