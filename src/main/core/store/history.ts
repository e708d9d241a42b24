// Writing field_history rows: every change of a field or of the report's review state.
import os from 'node:os';
import { sql, type Db } from './db';
import type { FieldHistoryEntry, FieldValue, HistoryAction } from '../../../shared/model';

export interface HistoryRow {
  reportId: number;
  /** a field key, or '*' for the report itself */
  key: string;
  oldValue: FieldValue;
  newValue: FieldValue;
  oldStatus: string | null;
  newStatus: string;
  oldConfidence?: number | null;
  newConfidence?: number | null;
  by: string;
  reason?: string | null;
  action?: HistoryAction | null;
  restoredFrom?: number | null;
  at: string;
}

/** Who changes things by default: the operating system's user name. */
export const osUser = (): string => {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
};

/** Insert one row; returns its id. */
export function addHistory(db: Db, r: HistoryRow): number {
  return Number(
    sql(
      db,
      `INSERT INTO field_history (report_id, key, old_value, new_value, old_status, new_status, old_confidence, new_confidence, changed_at, changed_by, reason, action, restored_from)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.reportId,
      r.key,
      r.oldValue,
      r.newValue,
      r.oldStatus,
      r.newStatus,
      r.oldConfidence ?? null,
      r.newConfidence ?? null,
      r.at,
      r.by,
      r.reason ?? null,
      r.action ?? null,
      r.restoredFrom ?? null,
    ).lastInsertRowid,
  );
}

export interface StoredHistoryRow extends FieldHistoryEntry {
  reportId: number;
  oldConfidence: number | null;
  newConfidence: number | null;
}

const COLUMNS = `id, report_id AS reportId, key, old_value AS oldValue, new_value AS newValue, old_status AS oldStatus, new_status AS newStatus,
  old_confidence AS oldConfidence, new_confidence AS newConfidence, changed_at AS changedAt, changed_by AS changedBy, reason, action,
  restored_from AS restoredFrom`;

export function historyRow(db: Db, id: number): StoredHistoryRow | undefined {
  return sql(db, `SELECT ${COLUMNS} FROM field_history WHERE id = ?`).get(id) as StoredHistoryRow | undefined;
}

/** A report's history, oldest first. */
export function fieldHistory(db: Db, reportId: number): FieldHistoryEntry[] {
  return (sql(db, `SELECT ${COLUMNS} FROM field_history WHERE report_id = ? ORDER BY id`).all(reportId) as StoredHistoryRow[]).map(
    ({ reportId: _r, oldConfidence: _o, newConfidence: _n, ...entry }) => entry,
  );
}
