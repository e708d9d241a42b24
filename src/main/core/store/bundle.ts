// Merging another library (a bundle's database, opened read-only) into this one, in one
// transaction. The same bytes (sha256) are the same report: its names, history and the other
// side's corrections are merged into it. Other reports are added, linked to a near-duplicate twin
// (minhash) where there is one. A figure both sides corrected differently keeps the local value
// and the incoming one is stored as a conflict, never silently overwritten.
import { sql, type Db } from './db';
import { bands } from '../import/fingerprint';
import { findFileBySha, findNearDuplicate, listFields, writeChecks } from './reports';
import { refreshCrossYear } from './cross-year';
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
}

/** the report columns the merge looks at (all of them are copied) */
interface ReportRow {
  id: number;
  agency: string | null;
  year: number | null;
  review_status: string;
  duplicate_of: number | null;
  minhash: Buffer | null;
}
interface FileRow {
  id: number;
  sha256: string;
  size: number;
  kind: string;
  encoding: string | null;
  created_at: string;
}
interface FieldRow {
  key: string;
  value: FieldValue;
  original_text: string | null;
  unit: string | null;
  approx: number;
  confidence: number;
  status: FieldStatus;
  source: string;
  note: string | null;
  updated_at: string;
}
/** the history columns that identify an entry on both sides */
interface HistoryRow {
  key: string;
  new_value: FieldValue;
  new_status: string;
  changed_at: string;
  changed_by: string;
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

const signature = (b: Buffer | null): Uint32Array | null => (b && b.byteLength === 256 ? new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) : null);

/** Columns of a table that both databases have, in the destination's order, less some. */
function sharedColumns(db: Db, src: Db, table: string, except: readonly string[]): string[] {
  const names = (d: Db) => (d.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
  const theirs = new Set(names(src));
  return names(db).filter((c) => theirs.has(c) && !except.includes(c));
}

export function mergeLibrary(db: Db, src: Db, bundle: string): MergeSummary {
  const summary: MergeSummary = { reports: 0, added: 0, nearDuplicates: 0, exactDuplicates: 0, names: 0, adopted: 0, history: 0, conflicts: 0 };
  const ids = new Map<number, number>();
  const touched = new Set<number>();
  const now = new Date().toISOString();

  const copyFile = (f: FileRow, reportId: number): number => {
    const fileId = Number(
      sql(db, 'INSERT INTO files (report_id, sha256, size, kind, encoding, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(reportId, f.sha256, f.size, f.kind, f.encoding, f.created_at).lastInsertRowid,
    );
    const page = sql(db, 'INSERT INTO pages (file_id, page, text, tables, tokens) VALUES (?, ?, ?, ?, ?)');
    for (const p of src.prepare('SELECT page, text, tables, tokens FROM pages WHERE file_id = ? ORDER BY page').iterate(f.id) as Iterable<{ page: number; text: string; tables: string | null; tokens: string | null }>) {
      page.run(fileId, p.page, p.text, p.tables, p.tokens);
    }
    return fileId;
  };

  const copyNames = (srcFileId: number, fileId: number): void => {
    const add = sql(db, 'INSERT OR IGNORE INTO file_sources (file_id, name, path, job_id, seen_at) VALUES (?, ?, ?, NULL, ?)');
    for (const s of src.prepare('SELECT name, path, seen_at FROM file_sources WHERE file_id = ? ORDER BY id').all(srcFileId) as { name: string; path: string; seen_at: string }[]) {
      summary.names += add.run(fileId, s.name, s.path, s.seen_at).changes;
    }
  };

  // every column both sides have (later migrations add some), except the row's own id and links
  // to other rows of the bundle's database
  const historyColumns = sharedColumns(db, src, 'field_history', ['id', 'report_id', 'restored_from']);
  // a report's own columns; it is not in this library's full-text index yet
  const reportColumns = sharedColumns(db, src, 'reports', ['id', 'duplicate_of', 'text_indexed']);
  const copyHistory = (srcId: number, reportId: number): void => {
    const exists = sql(
      db,
      'SELECT 1 FROM field_history WHERE report_id = ? AND key = ? AND changed_at = ? AND changed_by = ? AND new_status = ? AND new_value IS ?',
    ).pluck();
    const insert = sql(db, `INSERT INTO field_history (report_id, ${historyColumns.join(', ')}) VALUES (?, ${historyColumns.map(() => '?').join(', ')})`);
    for (const h of src.prepare('SELECT * FROM field_history WHERE report_id = ? ORDER BY id').all(srcId) as (HistoryRow & Record<string, unknown>)[]) {
      if (exists.get(reportId, h.key, h.changed_at, h.changed_by, h.new_status, h.new_value)) continue;
      insert.run(reportId, ...historyColumns.map((c) => h[c]));
      summary.history++;
    }
  };

  const writeField = (reportId: number, f: FieldRow): void => {
    sql(
      db,
      `INSERT OR REPLACE INTO fields (report_id, key, value, original_text, unit, approx, confidence, status, source, note, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(reportId, f.key, f.value, f.original_text, f.unit, f.approx, f.confidence, f.status, f.source, f.note, f.updated_at);
    const column = META_COLUMNS[f.key];
    if (column) sql(db, `UPDATE reports SET ${column} = ? WHERE id = ?`).run(f.value, reportId);
  };

  const addReport = (r: ReportRow, files: FileRow[]): number => {
    const sig = signature(r.minhash);
    const mapped = r.duplicate_of === null ? undefined : ids.get(r.duplicate_of);
    const twin = mapped ?? (sig ? findNearDuplicate(db, sig, { year: r.year, agency: r.agency }) : null);
    const root = twin === null ? null : ((sql(db, 'SELECT duplicate_of FROM reports WHERE id = ?').pluck().get(twin) as number | null) ?? twin);
    const id = Number(
      sql(db, `INSERT INTO reports (duplicate_of, ${reportColumns.join(', ')}) VALUES (?, ${reportColumns.map(() => '?').join(', ')})`).run(
        root,
        ...reportColumns.map((c) => (r as unknown as Record<string, unknown>)[c]),
      ).lastInsertRowid,
    );
    if (root !== null) summary.nearDuplicates++;
    for (const f of files) copyNames(f.id, copyFile(f, id));
    if (sig) {
      const band = sql(db, 'INSERT OR IGNORE INTO report_bands (band, hash, report_id) VALUES (?, ?, ?)');
      bands(sig).forEach((h, i) => band.run(i, h, id));
    }
    for (const f of src.prepare('SELECT * FROM fields WHERE report_id = ? ORDER BY rowid').all(r.id) as FieldRow[]) writeField(id, f);
    copyHistory(r.id, id);
    const check = sql(db, 'INSERT INTO checks (report_id, seq, rule, ok, severity, message, keys, diff) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const c of src.prepare('SELECT seq, rule, ok, severity, message, keys, diff FROM checks WHERE report_id = ? ORDER BY seq').all(r.id) as {
      seq: number;
      rule: string;
      ok: number;
      severity: string;
      message: string;
      keys: string;
      diff: number | null;
    }[]) {
      check.run(id, c.seq, c.rule, c.ok, c.severity, c.message, c.keys, c.diff);
    }
    const row = sql(db, 'INSERT INTO unmapped_rows (report_id, seq, label, "values", span) VALUES (?, ?, ?, ?, ?)');
    for (const u of src.prepare('SELECT seq, label, "values", span FROM unmapped_rows WHERE report_id = ? ORDER BY seq').all(r.id) as {
      seq: number;
      label: string;
      values: string;
      span: string | null;
    }[]) {
      row.run(id, u.seq, u.label, u.values, u.span);
    }
    if (root === null) touched.add(id);
    summary.added++;
    return id;
  };

  const mergeInto = (reportId: number, r: ReportRow, files: FileRow[]): void => {
    for (const f of files) {
      const here = findFileBySha(db, f.sha256);
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

  db.transaction(() => {
    // what the sender moved to the trash does not travel
    const live = reportColumns.includes('deleted_at') ? 'WHERE deleted_at IS NULL' : '';
    for (const r of src.prepare(`SELECT * FROM reports ${live} ORDER BY id`).all() as ReportRow[]) {
      summary.reports++;
      const files = src.prepare('SELECT id, sha256, size, kind, encoding, created_at FROM files WHERE report_id = ? ORDER BY id').all(r.id) as FileRow[];
      const existing = files.map((f) => findFileBySha(db, f.sha256)).find((e) => e !== undefined);
      if (existing) {
        ids.set(r.id, existing.reportId);
        summary.exactDuplicates++;
        mergeInto(existing.reportId, r, files);
      } else ids.set(r.id, addReport(r, files));
    }
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
