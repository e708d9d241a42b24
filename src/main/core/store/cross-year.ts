// After a report is stored: check it against the same agency's previous year, and the next year
// against it, so the chain rules hold whichever year was imported first.
import type { Db } from './db';
import { findByAgencyYear, listFields, replaceChecks } from './reports';
import { crossYearChecks } from '../validate/cross-year';

const fieldMap = (db: Db, id: number) => new Map(listFields(db, id).map((f) => [f.key, f]));

export function refreshCrossYear(db: Db, reportId: number, agency: string | null, year: number | null): void {
  if (!agency || year === null) return;
  const pairs: [number | undefined, number | undefined, number][] = [
    [findByAgencyYear(db, agency, year - 1), reportId, year - 1],
    [reportId, findByAgencyYear(db, agency, year + 1), year],
  ];
  for (const [prev, cur, prevYear] of pairs) {
    if (prev === undefined || cur === undefined) continue;
    replaceChecks(db, cur, 'cross.', crossYearChecks(fieldMap(db, prev), fieldMap(db, cur), prevYear));
  }
}
