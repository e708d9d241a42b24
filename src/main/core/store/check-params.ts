// The figures of a report's findings (CheckResult.params) for the UI to word them in its language.
// The checks table keeps only the zh-CN message; the figures follow from the stored fields by the
// same rules, so they are worked out again when a report is read, and given to a finding only when
// the rule gives exactly its stored message (a finding stored by an older rule keeps its text alone).
import type { Db } from './db';
import { findByAgencyYear, listFields } from './reports';
import { validate } from '../validate';
import { crossYearChecks } from '../validate/cross-year';
import type { CheckResult, ReportDetail } from '../../../shared/model';

const identity = (c: CheckResult): string => `${c.rule}\u0000${c.message}`;

export function withCheckParams(db: Db, report: ReportDetail): ReportDetail {
  const fields = new Map(report.fields.map((f) => [f.key, f]));
  const fresh = validate(report.fields);
  const prev = report.agency && report.year !== null ? findByAgencyYear(db, report.agency, report.year - 1) : undefined;
  if (prev !== undefined) fresh.push(...crossYearChecks(new Map(listFields(db, prev).map((f) => [f.key, f])), fields, report.year! - 1));
  const params = new Map(fresh.filter((c) => c.params).map((c) => [identity(c), c.params!]));
  return { ...report, checks: report.checks.map((c) => (params.has(identity(c)) ? { ...c, params: params.get(identity(c))! } : c)) };
}
