// SQL for reports, their files, pages, fields and checks. Functions take db first.
import { sql, type Db } from './db';
import type { CheckResult, ExtractedField, FieldStatus, FileKind, ReportDetail, ReportFile, ReportSummary, UnmappedRow } from '../../../shared/model';
import type { DocKind, ReportFormat } from '../../../shared/fields';
import { bands, similarity } from '../import/fingerprint';

const now = (): string => new Date().toISOString();

export interface NewPage {
  page: number;
  text: string;
  /** JSON of the page's tables and positioned words (made by the pipeline, on its worker) */
  tables: string;
  tokens?: string;
  /** quarter turns clockwise the page was read at (OCR of a page lying sideways) */
  turn?: number;
  /** why the page was read by OCR (PageNeed reason), where it was */
  ocrReason?: string;
}

export interface NewReport {
  file: { sha256: string; size: number; kind: FileKind; encoding: string | null; name: string; path: string };
  jobId: string | null;
  pages: NewPage[];
  fields: ExtractedField[];
  checks: CheckResult[];
  unmapped: UnmappedRow[];
  minhash: Uint32Array;
  duplicateOf: number | null;
}

export function findFileBySha(db: Db, sha256: string): { fileId: number; reportId: number } | undefined {
  return sql(db, 'SELECT id AS fileId, report_id AS reportId FROM files WHERE sha256 = ?').get(sha256) as
    | { fileId: number; reportId: number }
    | undefined;
}

export function addFileSource(db: Db, fileId: number, name: string, path: string, jobId: string | null): void {
  sql(db, 'INSERT OR IGNORE INTO file_sources (file_id, name, path, job_id, seen_at) VALUES (?, ?, ?, ?, ?)').run(
    fileId,
    name,
    path,
    jobId,
    now(),
  );
}

const MAX_TWIN_CANDIDATES = 8;

/**
 * The most similar earlier report (not in the trash) sharing LSH bands, if similar enough. Only the reports sharing
 * the most bands are compared, and reports of another year or agency are never twins (a township
 * copies last year's text).
 */
export function findNearDuplicate(db: Db, sig: Uint32Array, identity: { year: number | null; agency: string | null }, threshold = 0.8): number | null {
  const hashes = bands(sig);
  // the bands are counted on their own index first (a template shared by many reports hits thousands
  // of band rows), and only the best candidates are read from reports; the trash is left out before
  // the limit so it never takes a candidate's place
  const values = hashes.map(() => '(?, ?)').join(', ');
  const candidates = sql(
    db,
    `SELECT c.id, r.minhash, r.duplicate_of AS dup, r.year, r.agency, c.hits
     FROM (SELECT report_id AS id, count(*) AS hits FROM report_bands
           WHERE (band, hash) IN (VALUES ${values})
             AND report_id NOT IN (SELECT id FROM reports WHERE deleted_at IS NOT NULL)
           GROUP BY report_id ORDER BY hits DESC, report_id LIMIT ${MAX_TWIN_CANDIDATES}) c
     JOIN reports r ON r.id = c.id
     ORDER BY c.hits DESC, c.id`,
  ).all(...hashes.flatMap((h, i) => [i, h])) as { id: number; minhash: Buffer | null; dup: number | null; year: number | null; agency: string | null }[];
  let best: { id: number; sim: number } | null = null;
  for (const c of candidates) {
    if (!c.minhash || !sameIdentity(c, identity)) continue;
    const other = new Uint32Array(c.minhash.buffer.slice(c.minhash.byteOffset, c.minhash.byteOffset + c.minhash.byteLength));
    const sim = similarity(sig, other);
    const target = c.dup ?? c.id;
    if (sim >= threshold && (!best || sim > best.sim || (sim === best.sim && target < best.id))) best = { id: target, sim };
  }
  return best?.id ?? null;
}

const sameIdentity = (a: { year: number | null; agency: string | null }, b: { year: number | null; agency: string | null }): boolean =>
  (a.year === null || b.year === null || a.year === b.year) && (a.agency === null || b.agency === null || a.agency === b.agency);

const metaValue = (fields: ExtractedField[], key: string): ExtractedField['value'] => fields.find((f) => f.key === key)?.value ?? null;

/** Insert a new report with its first file. Call inside a transaction. */
export function insertReport(db: Db, r: NewReport): { reportId: number; fileId: number } {
  const t = now();
  const year = metaValue(r.fields, 'meta.year');
  const reportId = Number(
    sql(
      db,
      `INSERT INTO reports (title, agency, region, year, format, doc_kind, duplicate_of, minhash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      metaValue(r.fields, 'meta.title'),
      metaValue(r.fields, 'meta.agency'),
      metaValue(r.fields, 'meta.region'),
      typeof year === 'number' ? year : null,
      metaValue(r.fields, 'meta.format'),
      metaValue(r.fields, 'meta.doc_kind'),
      r.duplicateOf,
      Buffer.from(r.minhash.buffer, r.minhash.byteOffset, r.minhash.byteLength),
      t,
      t,
    ).lastInsertRowid,
  );
  const fileId = Number(
    sql(db, 'INSERT INTO files (report_id, sha256, size, kind, encoding, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      reportId,
      r.file.sha256,
      r.file.size,
      r.file.kind,
      r.file.encoding,
      t,
    ).lastInsertRowid,
  );
  addFileSource(db, fileId, r.file.name, r.file.path, r.jobId);
  writePages(db, fileId, r.pages);
  writeBands(db, reportId, r.minhash);
  writeFields(db, reportId, r.fields);
  writeChecks(db, reportId, r.checks);
  writeUnmapped(db, reportId, r.unmapped);
  return { reportId, fileId };
}

export function writePages(db: Db, fileId: number, pages: readonly NewPage[]): void {
  const page = sql(db, 'INSERT INTO pages (file_id, page, text, tables, tokens, turn, ocr_reason) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const p of pages) page.run(fileId, p.page, p.text, p.tables, p.tokens ?? null, p.turn ?? 0, p.ocrReason ?? null);
}

export function writeBands(db: Db, reportId: number, minhash: Uint32Array): void {
  const band = sql(db, 'INSERT OR IGNORE INTO report_bands (band, hash, report_id) VALUES (?, ?, ?)');
  bands(minhash).forEach((h, i) => band.run(i, h, reportId));
}

export function writeUnmapped(db: Db, reportId: number, unmapped: readonly UnmappedRow[]): void {
  const row = sql(db, 'INSERT INTO unmapped_rows (report_id, seq, label, "values", span) VALUES (?, ?, ?, ?, ?)');
  unmapped.forEach((u, i) => row.run(reportId, i, u.label, JSON.stringify(u.values), JSON.stringify(u.span)));
}

export function writeFields(db: Db, reportId: number, fields: ExtractedField[]): void {
  const stmt = sql(db, 
    `INSERT OR REPLACE INTO fields (report_id, key, value, original_text, unit, approx, confidence, status, source, note, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const t = now();
  for (const f of fields) {
    stmt.run(reportId, f.key, f.value, f.text, f.unit ?? null, f.approx ? 1 : 0, f.confidence, f.status, JSON.stringify(f.source), f.note ?? null, t);
  }
}

/** The agency's report for a year (the original, not a twin, not in the trash). */
export function findByAgencyYear(db: Db, agency: string, year: number): number | undefined {
  return sql(db, 'SELECT id FROM reports WHERE agency = ? AND year = ? AND duplicate_of IS NULL AND deleted_at IS NULL ORDER BY id LIMIT 1').pluck().get(agency, year) as number | undefined;
}

/** Replace the checks of one family of rules (e.g. 'cross.') of a report. */
export function replaceChecks(db: Db, reportId: number, rulePrefix: string, checks: CheckResult[]): void {
  sql(db, "DELETE FROM checks WHERE report_id = ? AND rule LIKE ? || '%'").run(reportId, rulePrefix);
  const next = (sql(db, 'SELECT coalesce(max(seq) + 1, 0) FROM checks WHERE report_id = ?').pluck().get(reportId) as number) ?? 0;
  const stmt = sql(db, 'INSERT INTO checks (report_id, seq, rule, ok, severity, message, keys, diff) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  checks.forEach((c, i) => stmt.run(reportId, next + i, c.rule, c.ok ? 1 : 0, c.severity, c.message, JSON.stringify(c.keys), c.diff ?? null));
}

export function writeChecks(db: Db, reportId: number, checks: CheckResult[]): void {
  sql(db, 'DELETE FROM checks WHERE report_id = ?').run(reportId);
  const stmt = sql(db, 'INSERT INTO checks (report_id, seq, rule, ok, severity, message, keys, diff) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  checks.forEach((c, i) => stmt.run(reportId, i, c.rule, c.ok ? 1 : 0, c.severity, c.message, JSON.stringify(c.keys), c.diff ?? null));
}

const SUMMARY_SQL = `
SELECT r.id, r.title, r.agency, r.region, r.year, r.format, r.doc_kind AS docKind, r.review_status AS reviewStatus,
       r.duplicate_of AS duplicateOf, r.created_at AS importedAt, r.file_kind AS fileKind, r.file_name AS fileName,
       r.failed_checks AS failedChecks, r.min_confidence AS minConfidence, r.deleted_at AS deletedAt
FROM reports r`;

interface SummaryRow extends Omit<ReportSummary, 'format' | 'docKind'> {
  format: string | null;
  docKind: string | null;
}

const toSummary = (row: SummaryRow): ReportSummary => ({
  ...row,
  format: row.format as ReportFormat | null,
  docKind: row.docKind as DocKind | null,
});

/** Summaries of the given reports, in the order of the ids (missing ids are left out). */
export function reportSummaries(db: Db, ids: readonly number[]): ReportSummary[] {
  if (ids.length === 0) return [];
  const rows = sql(db, `${SUMMARY_SQL} WHERE r.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as SummaryRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toSummary(row)] : [];
  });
}

/**
 * Add the text of reports not yet in the full-text index, in one transaction: the index then
 * writes one segment per batch instead of one per document. Runs after each import job and when a
 * library opens (so a crash mid-job leaves nothing unindexed for long).
 */
export function indexPendingText(db: Db): number {
  return db.transaction(() => {
    const pending = sql(
      db,
      `SELECT r.id, p.text FROM reports r
       JOIN files f ON f.id = (SELECT min(id) FROM files WHERE report_id = r.id)
       JOIN pages p ON p.file_id = f.id AND p.page = 0
       WHERE r.text_indexed = 0`,
    ).all() as { id: number; text: string }[];
    const insert = sql(db, 'INSERT INTO report_text (rowid, text) VALUES (?, ?)');
    for (const { id, text } of pending) insert.run(id, text);
    sql(db, 'UPDATE reports SET text_indexed = 1 WHERE text_indexed = 0').run();
    return pending.length;
  })();
}

/** Reports in the library (not in the trash). */
export function countReports(db: Db): number {
  return sql(db, 'SELECT count(*) FROM reports WHERE deleted_at IS NULL').pluck().get() as number;
}

export function listFiles(db: Db, reportId: number): ReportFile[] {
  return db
    .prepare(
      `SELECT s.name, s.path, f.sha256, f.size, f.kind, s.seen_at AS importedAt
       FROM files f JOIN file_sources s ON s.file_id = f.id WHERE f.report_id = ? ORDER BY f.id, s.id`,
    )
    .all(reportId) as ReportFile[];
}

interface FieldRow {
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

export function listFields(db: Db, reportId: number): ExtractedField[] {
  return (sql(db, 'SELECT * FROM fields WHERE report_id = ? ORDER BY rowid').all(reportId) as FieldRow[]).map((r) => ({
    key: r.key,
    value: r.value,
    text: r.original_text,
    ...(r.unit ? { unit: r.unit } : {}),
    ...(r.approx ? { approx: true } : {}),
    confidence: r.confidence,
    status: r.status,
    source: JSON.parse(r.source) as ExtractedField['source'],
    ...(r.note ? { note: r.note } : {}),
  }));
}

/** A stored check (keys as JSON, ok as 0/1) as a result. */
export interface CheckRow {
  rule: string;
  ok: number;
  severity: CheckResult['severity'];
  message: string;
  keys: string;
  diff: number | null;
}
export const checkOf = (c: CheckRow): CheckResult => ({
  rule: c.rule,
  ok: c.ok === 1,
  severity: c.severity,
  message: c.message,
  keys: JSON.parse(c.keys) as string[],
  ...(c.diff === null ? {} : { diff: c.diff }),
});

export function listChecks(db: Db, reportId: number): CheckResult[] {
  return (sql(db, 'SELECT rule, ok, severity, message, keys, diff FROM checks WHERE report_id = ? ORDER BY seq').all(reportId) as CheckRow[]).map(checkOf);
}

export function listUnmapped(db: Db, reportId: number): UnmappedRow[] {
  return (sql(db, 'SELECT label, "values", span FROM unmapped_rows WHERE report_id = ? ORDER BY seq').all(reportId) as { label: string; values: string; span: string }[]).map(
    (u) => ({ label: u.label, values: JSON.parse(u.values) as (number | null)[], span: JSON.parse(u.span) as [number, number] }),
  );
}

export function getReport(db: Db, id: number): ReportDetail | undefined {
  const row = sql(db, `${SUMMARY_SQL} WHERE r.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) return undefined;
  const text = db
    .prepare(
      `SELECT p.text FROM pages p WHERE p.page = 0 AND p.file_id = (SELECT min(id) FROM files WHERE report_id = ?)`,
    )
    .get(id) as { text: string | null };
  return {
    ...toSummary(row),
    files: listFiles(db, id),
    fields: listFields(db, id),
    checks: listChecks(db, id),
    unmapped: listUnmapped(db, id),
    text: text.text ?? '',
  };
}

/** Every report of the library (not in the trash), by id. */
export function reportIds(db: Db): number[] {
  return sql(db, 'SELECT id FROM reports WHERE deleted_at IS NULL ORDER BY id').pluck().all() as number[];
}
