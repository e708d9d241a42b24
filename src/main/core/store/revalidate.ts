// After a report's fields change: its identity columns follow the metadata fields, the rules run
// again (checks about the source, not the fields, are kept), and the cross-year rules are
// refreshed for its old and new neighbours.
import { sql, type Db } from './db';
import { findByAgencyYear, listChecks, listFields, replaceChecks, writeChecks } from './reports';
import { refreshCrossYear } from './cross-year';
import { validate } from '../validate';
import type { CheckResult, ExtractedField } from '../../../shared/model';

export interface Identity {
  agency: string | null;
  year: number | null;
}

/** Checks that are about the file rather than the fields (e.g. pages without text): kept across revalidation. */
const SOURCE_RULES = 'source.';
export const isSourceCheck = (c: CheckResult): boolean => c.rule.startsWith(SOURCE_RULES);

export function identityOf(db: Db, reportId: number): Identity {
  return sql(db, 'SELECT agency, year FROM reports WHERE id = ?').get(reportId) as Identity;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The report's columns (title, agency, region, year, format, doc kind) from its metadata fields. */
export function syncIdentity(db: Db, reportId: number, fields: readonly ExtractedField[] = listFields(db, reportId)): void {
  const value = (key: string) => fields.find((f) => f.key === key)?.value ?? null;
  const year = value('meta.year');
  sql(db, 'UPDATE reports SET title = ?, agency = ?, region = ?, year = ?, format = ?, doc_kind = ? WHERE id = ?').run(
    text(value('meta.title')),
    text(value('meta.agency')),
    text(value('meta.region')),
    typeof year === 'number' ? year : null,
    text(value('meta.format')),
    text(value('meta.doc_kind')),
    reportId,
  );
}

/** Run the rules again over the stored fields; `before` is the identity before the change, if it may have changed. */
export function revalidate(db: Db, reportId: number, before?: Identity, extraChecks?: readonly CheckResult[]): void {
  const fields = listFields(db, reportId);
  const kept = extraChecks ?? listChecks(db, reportId).filter(isSourceCheck);
  writeChecks(db, reportId, [...validate(fields), ...kept]);
  const now = identityOf(db, reportId);
  refreshCrossYear(db, reportId, now.agency, now.year);
  if (before && (before.agency !== now.agency || before.year !== now.year)) refreshPlace(db, before);
}

/** A report left (agency, year): the next year's report is checked against whatever now holds that place. */
export function refreshPlace(db: Db, { agency, year }: Identity): void {
  if (!agency || year === null) return;
  const next = findByAgencyYear(db, agency, year + 1);
  if (next === undefined) return;
  if (findByAgencyYear(db, agency, year) === undefined) replaceChecks(db, next, 'cross.', []);
  else refreshCrossYear(db, next, agency, year + 1);
}
