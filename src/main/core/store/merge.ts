// Merging two reports that are the same document: one report is left with the files of both,
// the history of both, and for every field the value a person stood behind (verified over
// corrected over automatic; the kept report's value on a tie). Recorded in the history.
import { sql, type Db } from './db';
import { listFields, listFiles } from './reports';
import { addHistory } from './history';
import { identityOf, refreshPlace, revalidate } from './revalidate';
import { removeIndexedText } from './reextract';
import type { ExtractedField, FieldStatus, ReportSummary } from '../../../shared/model';

export class MergeError extends Error {
  constructor(
    readonly code: 'not_found' | 'same_report',
    message: string,
  ) {
    super(message);
  }
}

const RANK: Record<FieldStatus, number> = { missing: 0, auto: 1, corrected: 2, verified: 3 };
type ReviewStatus = ReportSummary['reviewStatus'];

interface Side {
  id: number;
  firstFile: number;
  status: ReviewStatus;
  indexed: number;
}

const side = (db: Db, id: number): Side | undefined =>
  sql(db, 'SELECT r.id, (SELECT min(f.id) FROM files f WHERE f.report_id = r.id) AS firstFile, r.review_status AS status, r.text_indexed AS indexed FROM reports r WHERE r.id = ?').get(id) as
    | Side
    | undefined;

/**
 * Merge reports `a` and `b`. The one whose first file arrived first is kept (its text stays the
 * report's text and its fields' spans stay valid); returns its id.
 */
export function mergeReports(db: Db, a: number, b: number, by: string): number {
  if (a === b) throw new MergeError('same_report', '不能把报告与自身合并');
  return db.transaction(() => {
    const [x, y] = [side(db, a), side(db, b)];
    if (!x || !y) throw new MergeError('not_found', `报告 ${x ? b : a} 不存在`);
    const [keep, gone] = x.firstFile <= y.firstFile ? [x, y] : [y, x];
    const at = new Date().toISOString();
    const before = identityOf(db, keep.id);
    const goneIdentity = identityOf(db, gone.id);
    const names = [...new Set(listFiles(db, gone.id).map((f) => f.name))].join('、');

    const kept = new Map(listFields(db, keep.id).map((f) => [f.key, f]));
    const take = listFields(db, gone.id).filter((f) => RANK[f.status] > RANK[kept.get(f.key)?.status ?? 'missing']);
    for (const f of take) moveField(db, keep.id, gone.id, f, kept.get(f.key), by, at);

    const goneText = sql(db, 'SELECT text FROM pages WHERE file_id = ? AND page = 0').pluck().get(gone.firstFile) as string | undefined;
    if (gone.indexed === 1 && goneText !== undefined) removeIndexedText(db, gone.id, goneText);
    sql(db, 'UPDATE files SET report_id = ? WHERE report_id = ?').run(keep.id, gone.id);
    sql(db, 'UPDATE field_history SET report_id = ? WHERE report_id = ?').run(keep.id, gone.id);
    sql(db, 'UPDATE reports SET duplicate_of = ? WHERE duplicate_of = ?').run(keep.id, gone.id);
    sql(db, 'UPDATE reports SET duplicate_of = NULL WHERE id = ? AND duplicate_of = ?').run(keep.id, keep.id);
    const status: ReviewStatus = keep.status === 'verified' && gone.status === 'verified' && take.length === 0 ? 'verified' : keep.status === 'unreviewed' && gone.status === 'unreviewed' ? 'unreviewed' : 'in_review';
    sql(db, 'UPDATE reports SET review_status = ?, updated_at = ? WHERE id = ?').run(status, at, keep.id);
    addHistory(db, {
      reportId: keep.id,
      key: '*',
      oldValue: null,
      newValue: null,
      oldStatus: keep.status,
      newStatus: status,
      by,
      reason: `合并报告 #${gone.id}（${names}）：文件并入本报告，采用其 ${take.length} 项人工核对的数字`,
      action: 'merge',
      at,
    });
    sql(db, 'DELETE FROM reports WHERE id = ?').run(gone.id);
    revalidate(db, keep.id, before);
    refreshPlace(db, goneIdentity);
    return keep.id;
  })();
}

/** The other report's field, with its provenance, replaces the kept report's. */
function moveField(db: Db, keepId: number, goneId: number, f: ExtractedField, old: ExtractedField | undefined, by: string, at: string): void {
  sql(db, 'INSERT OR REPLACE INTO fields SELECT ?, key, value, original_text, unit, approx, confidence, status, source, note, ? FROM fields WHERE report_id = ? AND key = ?').run(keepId, at, goneId, f.key);
  addHistory(db, {
    reportId: keepId,
    key: f.key,
    oldValue: old?.value ?? null,
    newValue: f.value,
    oldStatus: old?.status ?? null,
    newStatus: f.status,
    oldConfidence: old?.confidence ?? null,
    newConfidence: f.confidence,
    by,
    reason: `合并自报告 #${goneId}`,
    action: 'merge',
    at,
  });
}
