// Changes people make to fields: every change goes to field_history (old, new, when, who, why),
// and the report's checks are evaluated again.
import os from 'node:os';
import type { Db } from './db';
import { sql } from './db';
import { listFields, writeChecks } from './reports';
import { validate } from '../validate';
import { refreshCrossYear } from './cross-year';
import { fieldDef } from '../../../shared/fields';
import type { FieldHistoryEntry, FieldStatus, FieldValue } from '../../../shared/model';

export interface FieldChange {
  reportId: number;
  key: string;
  value: FieldValue;
  /** 'corrected' for a new value, 'verified' to confirm the value as it is */
  status: Extract<FieldStatus, 'corrected' | 'verified'>;
  note?: string;
  by?: string;
}

export class CorrectionError extends Error {
  constructor(
    readonly code: 'unknown_key' | 'bad_value' | 'not_found' | 'checks_failing',
    message: string,
  ) {
    super(message);
  }
}

const osUser = (): string => {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
};

/** Apply one change in a transaction; returns nothing, the caller re-reads the report. */
export function changeField(db: Db, change: FieldChange): void {
  const def = fieldDef(change.key);
  if (!def) throw new CorrectionError('unknown_key', `未知字段 ${change.key}`);
  checkValue(def.kind, change.value);
  db.transaction(() => {
    const exists = sql(db, 'SELECT 1 FROM reports WHERE id = ?').pluck().get(change.reportId);
    if (!exists) throw new CorrectionError('not_found', `报告 ${change.reportId} 不存在`);
    const old = sql(db, 'SELECT value, status FROM fields WHERE report_id = ? AND key = ?').get(change.reportId, change.key) as
      | { value: FieldValue; status: FieldStatus }
      | undefined;
    const now = new Date().toISOString();
    sql(
      db,
      `INSERT INTO fields (report_id, key, value, original_text, confidence, status, source, updated_at)
       VALUES (@reportId, @key, @value, NULL, 1, @status, json_object('sha256', (SELECT sha256 FROM files WHERE report_id = @reportId ORDER BY id LIMIT 1)), @now)
       ON CONFLICT (report_id, key) DO UPDATE SET value = excluded.value, status = excluded.status, confidence = 1, updated_at = excluded.updated_at`,
    ).run({ reportId: change.reportId, key: change.key, value: change.value, status: change.status, now });
    sql(
      db,
      `INSERT INTO field_history (report_id, key, old_value, new_value, old_status, new_status, changed_at, changed_by, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(change.reportId, change.key, old?.value ?? null, change.value, old?.status ?? null, change.status, now, change.by ?? osUser(), change.note ?? null);
    sql(db, 'UPDATE reports SET updated_at = ? WHERE id = ?').run(now, change.reportId);
    writeChecks(db, change.reportId, validate(listFields(db, change.reportId)));
    const identity = sql(db, 'SELECT agency, year FROM reports WHERE id = ?').get(change.reportId) as { agency: string | null; year: number | null };
    refreshCrossYear(db, change.reportId, identity.agency, identity.year);
  })();
}

function checkValue(kind: string, value: FieldValue): void {
  if (value === null) return;
  const ok =
    kind === 'count' || kind === 'year'
      ? Number.isInteger(value) && (value as number) >= 0
      : kind === 'signed'
        ? Number.isInteger(value)
        : kind === 'money'
          ? typeof value === 'number' && Number.isFinite(value) && value >= 0
          : typeof value === 'string';
  if (!ok) throw new CorrectionError('bad_value', `值 ${String(value)} 不符合字段类型 ${kind}`);
}

/**
 * A person confirms the whole report. Refused while an error-level rule fails, unless they accept
 * it with a note (kept in the history under the key '*').
 */
export function verifyReport(db: Db, reportId: number, note?: string, by = osUser()): void {
  db.transaction(() => {
    const exists = sql(db, 'SELECT 1 FROM reports WHERE id = ?').pluck().get(reportId);
    if (!exists) throw new CorrectionError('not_found', `报告 ${reportId} 不存在`);
    const failing = sql(db, "SELECT count(*) FROM checks WHERE report_id = ? AND ok = 0 AND severity = 'error'").pluck().get(reportId) as number;
    if (failing > 0 && !note) throw new CorrectionError('checks_failing', `还有 ${failing} 项校验未通过：请先更正，或填写说明后确认`);
    const now = new Date().toISOString();
    sql(db, "UPDATE reports SET review_status = 'verified', updated_at = ? WHERE id = ?").run(now, reportId);
    sql(
      db,
      `INSERT INTO field_history (report_id, key, old_value, new_value, old_status, new_status, changed_at, changed_by, reason)
       VALUES (?, '*', NULL, NULL, NULL, 'verified', ?, ?, ?)`,
    ).run(reportId, now, by, note ?? null);
  })();
}

export function fieldHistory(db: Db, reportId: number): FieldHistoryEntry[] {
  return sql(
    db,
    `SELECT key, old_value AS oldValue, new_value AS newValue, old_status AS oldStatus, new_status AS newStatus,
            changed_at AS changedAt, changed_by AS changedBy, reason
     FROM field_history WHERE report_id = ? ORDER BY id`,
  ).all(reportId) as FieldHistoryEntry[];
}
