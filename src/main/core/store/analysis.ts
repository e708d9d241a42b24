// SQL of the analysis views: agencies and their years, figures pivoted per report, report
// outlines (cached in report_outlines), compliance inputs. Originals only (near-duplicate twins
// would count a report twice), none in the trash.
import { sql, type Db } from './db';
import { FIGURE_KEYS } from './migrations';
import type { FieldValue } from '../../../shared/model';

export function listAgencies(db: Db): { agency: string; region: string | null; years: string }[] {
  return sql(
    db,
    `SELECT agency, max(region) AS region, group_concat(DISTINCT year) AS years FROM reports
     WHERE agency IS NOT NULL AND year IS NOT NULL AND duplicate_of IS NULL AND deleted_at IS NULL GROUP BY agency ORDER BY count(*) DESC, agency`,
  ).all() as { agency: string; region: string | null; years: string }[];
}

export interface AgencyYear {
  id: number;
  year: number;
  format: string | null;
  text: string;
  fields: { key: string; value: FieldValue }[];
  checks: { rule: string; ok: number; severity: string; message: string }[];
}

/** The agency's reports, one per year (the first stored), with text, fields and cross-year checks. */
export function agencyYears(db: Db, agency: string): AgencyYear[] {
  const rows = sql(
    db,
    `SELECT r.id, r.year, r.format, coalesce(p.text, '') AS text FROM reports r
     LEFT JOIN pages p ON p.file_id = (SELECT min(id) FROM files WHERE report_id = r.id) AND p.page = 0
     WHERE r.agency = ? AND r.year IS NOT NULL AND r.duplicate_of IS NULL AND r.deleted_at IS NULL
       AND r.id = (SELECT min(id) FROM reports x WHERE x.agency = r.agency AND x.year = r.year AND x.duplicate_of IS NULL AND x.deleted_at IS NULL)
     ORDER BY r.year`,
  ).all(agency) as Omit<AgencyYear, 'fields' | 'checks'>[];
  return rows.map((r) => ({
    ...r,
    fields: sql(db, 'SELECT key, value FROM fields WHERE report_id = ? ORDER BY rowid').all(r.id) as AgencyYear['fields'],
    checks: sql(db, "SELECT rule, ok, severity, message FROM checks WHERE report_id = ? AND rule LIKE 'cross.%' ORDER BY seq").all(r.id) as AgencyYear['checks'],
  }));
}

export interface ReportFigures {
  id: number;
  agency: string | null;
  region: string | null;
  year: number | null;
  values: Record<string, number>;
}

/** the applications received count even when 0 (a report saying none); other zeros add nothing */
const RECEIVED_KEYS = ['t3.new.total', 'legacy.apply.received', 'n.apply_received'];
const FIGURES_SQL = `SELECT report_id, key, value FROM fields WHERE key IN (${FIGURE_KEYS.map((k) => `'${k}'`).join(', ')})
  AND (value <> 0 OR key IN (${RECEIVED_KEYS.map((k) => `'${k}'`).join(', ')}))`;

/** Numeric values of the comparison's figures (FIGURE_KEYS) for every original report: an index scan. */
export function figuresByReport(db: Db, years?: readonly number[]): ReportFigures[] {
  const reports = new Map<number, ReportFigures>();
  const wanted = years?.length ? new Set(years) : null;
  for (const [id, agency, region, year] of sql(db, 'SELECT id, agency, region, year FROM reports WHERE duplicate_of IS NULL AND deleted_at IS NULL').raw().all() as [number, string | null, string | null, number | null][]) {
    if (!wanted || (year !== null && wanted.has(year))) reports.set(id, { id, agency, region, year, values: {} });
  }
  for (const [id, key, value] of sql(db, FIGURES_SQL).raw().all() as [number, string, unknown][]) {
    if (typeof value === 'number') {
      const r = reports.get(id);
      if (r) r.values[key] = value;
    }
  }
  return [...reports.values()];
}

export interface PendingOutline {
  id: number;
  fileId: number;
  updatedAt: string;
  text: string;
  publishedAt: string | null;
  /** field groups with at least one figure */
  tables: string[];
}

const GROUPS = ['t2', 't2v19', 't3', 't4', 'legacy'];

/** Reports whose outline is missing or stale (another first file, a later updated_at), with their text. */
export function pendingOutlines(db: Db, limit: number): PendingOutline[] {
  const rows = sql(
    db,
    `SELECT r.id, f.id AS fileId, r.updated_at AS updatedAt, coalesce(p.text, '') AS text,
            (SELECT value FROM fields WHERE report_id = r.id AND key = 'meta.published_at') AS publishedAt,
            ${GROUPS.map((g) => `EXISTS (SELECT 1 FROM fields WHERE report_id = r.id AND key > '${g}.' AND key < '${g}/' AND value IS NOT NULL) AS "${g}"`).join(', ')}
     FROM reports r
     JOIN files f ON f.id = (SELECT min(id) FROM files WHERE report_id = r.id)
     LEFT JOIN pages p ON p.file_id = f.id AND p.page = 0
     LEFT JOIN report_outlines o ON o.report_id = r.id
     WHERE o.report_id IS NULL OR o.file_id <> f.id OR o.updated_at <> r.updated_at
     LIMIT ?`,
  ).all(limit) as (Omit<PendingOutline, 'tables'> & Record<string, unknown>)[];
  return rows.map((r) => ({ id: r.id, fileId: r.fileId, updatedAt: r.updatedAt, text: r.text, publishedAt: typeof r.publishedAt === 'string' ? r.publishedAt : null, tables: GROUPS.filter((g) => r[g] === 1) }));
}

export function saveOutlines(db: Db, outlines: { id: number; fileId: number; updatedAt: string; sections: string[]; tables: string[]; publishedAt: string | null }[]): void {
  const stmt = sql(db, 'INSERT OR REPLACE INTO report_outlines (report_id, file_id, updated_at, sections, tables, published_at) VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => outlines.forEach((o) => stmt.run(o.id, o.fileId, o.updatedAt, JSON.stringify(o.sections), JSON.stringify(o.tables), o.publishedAt)))();
}

export interface ComplianceInput {
  id: number;
  agency: string | null;
  year: number | null;
  format: string | null;
  sections: string;
  tables: string;
  publishedAt: string | null;
  errors: number;
  warnings: number;
}

/** Per original report: its outline and its failing rules (from the index of failing checks). */
export function complianceInputs(db: Db): ComplianceInput[] {
  return sql(
    db,
    `SELECT r.id, r.agency, r.year, r.format, coalesce(o.sections, '[]') AS sections, coalesce(o.tables, '[]') AS tables, o.published_at AS publishedAt,
            coalesce(c.errors, 0) AS errors, coalesce(c.warnings, 0) AS warnings
     FROM reports r
     LEFT JOIN report_outlines o ON o.report_id = r.id
     LEFT JOIN (SELECT report_id, sum(severity = 'error') AS errors, sum(severity = 'warning') AS warnings FROM checks WHERE ok = 0 GROUP BY report_id) c ON c.report_id = r.id
     WHERE r.duplicate_of IS NULL AND r.deleted_at IS NULL ORDER BY r.id`,
  ).all() as ComplianceInput[];
}

/**
 * Changes to the database since it was opened, by this connection (every row written, triggers
 * included) or by another one: equal stamps mean nothing changed in between.
 */
export function changeStamp(db: Db): string {
  return `${db.pragma('data_version', { simple: true }) as number}:${sql(db, 'SELECT total_changes()').pluck().get() as number}`;
}
