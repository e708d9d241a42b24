// The review queue: reports still to check, those with failing rules first, then those with
// low-confidence values, then the rest; verified reports last.
import { sql, type Db } from './db';
import type { ReviewQueueItem } from '../../../shared/review';

const QUEUE_SQL = `
SELECT r.id, r.review_status AS reviewStatus,
       (SELECT count(*) FROM checks c WHERE c.report_id = r.id AND c.ok = 0 AND c.severity = 'error') AS errors,
       (SELECT count(*) FROM fields f WHERE f.report_id = r.id AND f.status = 'auto' AND f.confidence < 0.6) AS low
FROM reports r WHERE r.deleted_at IS NULL`;

const ORDER = `ORDER BY r.review_status = 'verified', errors > 0 DESC, low > 0 DESC, errors DESC, low DESC, r.id`;

/** The whole library, or only `ids` (e.g. what the library list shows), in review order. */
export function reviewQueue(db: Db, ids?: readonly number[]): ReviewQueueItem[] {
  if (!ids) return sql(db, `${QUEUE_SQL} ${ORDER}`).all() as ReviewQueueItem[];
  return sql(db, `${QUEUE_SQL} AND r.id IN (SELECT value FROM json_each(?)) ${ORDER}`).all(JSON.stringify(ids)) as ReviewQueueItem[];
}
