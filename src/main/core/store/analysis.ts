// SQL of the analysis views: agencies and their years, figures pivoted per report, report
// outlines (cached in report_outlines), compliance inputs. Originals only (near-duplicate twins
// would count a report twice), none in the trash.
import { sql, type Db } from './db';
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

/** Numeric values of the given keys for every original report, one query. */
export function figuresByReport(db: Db, keys: readonly string[], years?: readonly number[]): ReportFigures[] {
  const rows = sql(
    db,
    `SELECT r.id, r.agency, r.region, r.year, json_group_object(f.key, f.value) AS v FROM reports r
     LEFT JOIN fields f ON f.report_id = r.id AND f.key IN (SELECT value FROM json_each(@keys)) AND typeof(f.value) IN ('integer', 'real')
     WHERE r.duplicate_of IS NULL AND r.deleted_at IS NULL AND (@years IS NULL OR r.year IN (SELECT value FROM json_each(@years)))
     GROUP BY r.id`,
  ).all({ keys: JSON.stringify(keys), years: years?.length ? JSON.stringify(years) : null }) as { id: number; agency: string | null; region: string | null; year: number | null; v: string }[];
  return rows.map(({ v, ...r }) => {
    const values = JSON.parse(v) as Record<string, number | null>;
    delete values['null'];
    return { ...r, values: values as Record<string, number> };
  });
}

/** Reports whose outline is missing or was made from another file, with their text. */
export function pendingOutlines(db: Db, limit: number): { id: number; fileId: number; text: string }[] {
  return sql(
    db,
    `SELECT r.id, f.id AS fileId, coalesce(p.text, '') AS text FROM reports r
     JOIN files f ON f.id = (SELECT min(id) FROM files WHERE report_id = r.id)
     LEFT JOIN pages p ON p.file_id = f.id AND p.page = 0
     LEFT JOIN report_outlines o ON o.report_id = r.id
     WHERE o.report_id IS NULL OR o.file_id <> f.id
     LIMIT ?`,
  ).all(limit) as { id: number; fileId: number; text: string }[];
}

export function saveOutlines(db: Db, outlines: { id: number; fileId: number; sections: string[] }[]): void {
  const stmt = sql(db, 'INSERT OR REPLACE INTO report_outlines (report_id, file_id, sections) VALUES (?, ?, ?)');
  db.transaction(() => outlines.forEach((o) => stmt.run(o.id, o.fileId, JSON.stringify(o.sections))))();
}

export interface ComplianceInput {
  id: number;
  agency: string | null;
  year: number | null;
  format: string | null;
  sections: string;
  publishedAt: string | null;
  /** field groups with at least one figure */
  t2: number;
  t2v19: number;
  t3: number;
  t4: number;
  legacy: number;
  errors: number;
  warnings: number;
}

/** Per original report: outline, publication date, which field groups have figures (index range probes), failing rules. */
export function complianceInputs(db: Db): ComplianceInput[] {
  return sql(
    db,
    `SELECT r.id, r.agency, r.year, r.format, coalesce(o.sections, '[]') AS sections,
            (SELECT value FROM fields WHERE report_id = r.id AND key = 'meta.published_at') AS publishedAt,
            ${['t2', 't2v19', 't3', 't4', 'legacy'].map((g) => `EXISTS (SELECT 1 FROM fields WHERE report_id = r.id AND key > '${g}.' AND key < '${g}/' AND value IS NOT NULL) AS ${g}`).join(',\n            ')},
            (SELECT count(*) FROM checks WHERE report_id = r.id AND ok = 0 AND severity = 'error') AS errors,
            (SELECT count(*) FROM checks WHERE report_id = r.id AND ok = 0 AND severity = 'warning') AS warnings
     FROM reports r LEFT JOIN report_outlines o ON o.report_id = r.id
     WHERE r.duplicate_of IS NULL AND r.deleted_at IS NULL ORDER BY r.id`,
  ).all() as ComplianceInput[];
}
