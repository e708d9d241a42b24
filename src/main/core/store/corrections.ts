// Changes people make to fields: every change goes to field_history (old, new, when, who, why),
// the report's checks are evaluated again, and its metadata columns follow its meta.* fields.
// Undo, redo and restoring an earlier value are changes too: they restore a history row's old or
// new side and are recorded in the history themselves.
import type { Db } from './db';
import { sql } from './db';
import { fieldDef } from '../../../shared/fields';
import type { FieldStatus, FieldValue, ReportSummary } from '../../../shared/model';
import { addHistory, historyRow, osUser, type StoredHistoryRow } from './history';
import { identityOf, revalidate, syncIdentity } from './revalidate';

export { fieldHistory } from './history';

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
    readonly code: 'unknown_key' | 'bad_value' | 'not_found' | 'checks_failing' | 'not_restorable',
    message: string,
  ) {
    super(message);
  }
}

type ReviewStatus = ReportSummary['reviewStatus'];

interface StoredField {
  value: FieldValue;
  status: FieldStatus;
  confidence: number;
}

const storedField = (db: Db, reportId: number, key: string): StoredField | undefined =>
  sql(db, 'SELECT value, status, confidence FROM fields WHERE report_id = ? AND key = ?').get(reportId, key) as StoredField | undefined;

function requireReport(db: Db, reportId: number): ReviewStatus {
  const status = sql(db, 'SELECT review_status FROM reports WHERE id = ?').pluck().get(reportId) as ReviewStatus | undefined;
  if (!status) throw new CorrectionError('not_found', `报告 ${reportId} 不存在`);
  return status;
}

/** Apply one change in a transaction; returns the id of its history row (for undo). */
export function changeField(db: Db, change: FieldChange): number {
  const def = fieldDef(change.key);
  if (!def) throw new CorrectionError('unknown_key', `未知字段 ${change.key}`);
  checkValue(def.kind, change.value);
  return db.transaction(() => {
    requireReport(db, change.reportId);
    const target = { value: change.value, status: change.status, confidence: 1 };
    return writeField(db, change.reportId, change.key, target, { by: change.by ?? osUser(), reason: change.note ?? null, action: null, restoredFrom: null });
  })();
}

interface Provenance {
  by: string;
  reason: string | null;
  action: RestoreAction | null;
  restoredFrom: number | null;
}

/** Set a field to `target` (null: remove it), record the change, re-run the rules. Call inside a transaction. */
function writeField(db: Db, reportId: number, key: string, target: StoredField | null, p: Provenance): number {
  const old = storedField(db, reportId, key);
  const before = key.startsWith('meta.') ? identityOf(db, reportId) : undefined;
  const now = new Date().toISOString();
  if (target === null) sql(db, 'DELETE FROM fields WHERE report_id = ? AND key = ?').run(reportId, key);
  else {
    sql(
      db,
      `INSERT INTO fields (report_id, key, value, original_text, confidence, status, source, updated_at)
       VALUES (@reportId, @key, @value, NULL, @confidence, @status, json_object('sha256', (SELECT sha256 FROM files WHERE report_id = @reportId ORDER BY id LIMIT 1)), @now)
       ON CONFLICT (report_id, key) DO UPDATE SET value = excluded.value, status = excluded.status, confidence = excluded.confidence, updated_at = excluded.updated_at`,
    ).run({ reportId, key, value: target.value, status: target.status, confidence: target.confidence, now });
  }
  const id = addHistory(db, {
    reportId,
    key,
    oldValue: old?.value ?? null,
    newValue: target?.value ?? null,
    oldStatus: old?.status ?? null,
    newStatus: target?.status ?? 'missing',
    oldConfidence: old?.confidence ?? null,
    newConfidence: target?.confidence ?? null,
    by: p.by,
    reason: p.reason,
    action: p.action,
    restoredFrom: p.restoredFrom,
    at: now,
  });
  sql(db, 'UPDATE reports SET updated_at = ? WHERE id = ?').run(now, reportId);
  reopen(db, reportId, old?.value !== target?.value, p.by, now);
  if (before) syncIdentity(db, reportId);
  revalidate(db, reportId, before);
  return id;
}

/**
 * A person working on a report puts it in review; changing a value of a verified report reopens it
 * (recorded, so the history shows why it is no longer verified).
 */
function reopen(db: Db, reportId: number, valueChanged: boolean, by: string, at: string): void {
  const status = requireReport(db, reportId);
  if (status === 'in_review' || (status === 'verified' && !valueChanged)) return;
  sql(db, "UPDATE reports SET review_status = 'in_review', updated_at = ? WHERE id = ?").run(at, reportId);
  if (status === 'verified') {
    addHistory(db, { reportId, key: '*', oldValue: null, newValue: null, oldStatus: status, newStatus: 'in_review', by, reason: '数字有改动，需重新确认', action: 'verify', at });
  }
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

export interface Restore {
  reportId: number;
  historyId: number;
  /** 'old': the state before that change (undo); 'new': the state it set (redo, or restoring an earlier value) */
  side: 'old' | 'new';
  /** how the history shows it (default 'restore') */
  action?: RestoreAction;
  note?: string;
  by?: string;
}

type RestoreAction = 'undo' | 'redo' | 'restore';

/** Restore one side of a history row as a new change; returns the new history row's id. */
export function restoreField(db: Db, r: Restore): number {
  return db.transaction(() => {
    const row = historyRow(db, r.historyId);
    if (!row || row.reportId !== r.reportId) throw new CorrectionError('not_found', `报告 ${r.reportId} 没有第 ${r.historyId} 条修改记录`);
    const by = r.by ?? osUser();
    const action = r.action ?? 'restore';
    if (row.key === '*') return restoreReview(db, row, r.side, { by, reason: r.note ?? null, action, restoredFrom: row.id });
    const status = (r.side === 'old' ? row.oldStatus : row.newStatus) as FieldStatus | null;
    const value = r.side === 'old' ? row.oldValue : row.newValue;
    const confidence = r.side === 'old' ? row.oldConfidence : row.newConfidence;
    // a change that created the field is undone by removing it
    const target = status === null || status === 'missing' ? null : { value, status, confidence: confidence ?? 1 };
    return writeField(db, r.reportId, row.key, target, { by, reason: r.note ?? null, action, restoredFrom: row.id });
  })();
}

function restoreReview(db: Db, row: StoredHistoryRow, side: 'old' | 'new', p: Provenance): number {
  if (row.action === 'reextract' || row.action === 'merge') {
    throw new CorrectionError('not_restorable', '这条记录（重新提取或合并）不能撤销');
  }
  const current = requireReport(db, row.reportId);
  const target = ((side === 'old' ? row.oldStatus : row.newStatus) ?? 'unreviewed') as ReviewStatus;
  const at = new Date().toISOString();
  sql(db, 'UPDATE reports SET review_status = ?, updated_at = ? WHERE id = ?').run(target, at, row.reportId);
  return addHistory(db, { reportId: row.reportId, key: '*', oldValue: null, newValue: null, oldStatus: current, newStatus: target, ...p, at });
}

/**
 * A person confirms the whole report. Refused while an error-level rule fails, unless they accept
 * it with a note (kept in the history under the key '*'). Returns the history row's id.
 */
export function verifyReport(db: Db, reportId: number, note?: string, by = osUser()): number {
  return db.transaction(() => {
    const old = requireReport(db, reportId);
    const failing = sql(db, "SELECT count(*) FROM checks WHERE report_id = ? AND ok = 0 AND severity = 'error'").pluck().get(reportId) as number;
    if (failing > 0 && !note) throw new CorrectionError('checks_failing', `还有 ${failing} 项校验未通过：请先更正，或填写说明后确认`);
    const now = new Date().toISOString();
    sql(db, "UPDATE reports SET review_status = 'verified', updated_at = ? WHERE id = ?").run(now, reportId);
    return addHistory(db, { reportId, key: '*', oldValue: null, newValue: null, oldStatus: old, newStatus: 'verified', by, reason: note ?? null, action: 'verify', at: now });
  })();
}
