// Which pages to draw ahead of time: reports with a page file (PDF, scan or photo), in the review
// queue's order, each with the pages its review screen is likely to open on — those holding a
// value of a failing rule, then a low-confidence value, then the first page, then the other pages
// values were read from.
import { sql, type Db } from './db';
import { reviewQueue } from './review-queue';
import { LOW_CONFIDENCE } from '../../../shared/review';

export interface WarmReport {
  reportId: number;
  sha256: string;
  kind: 'pdf' | 'image';
}

/** Reports whose first file is drawn as pages, in review-queue order. */
export function warmReports(db: Db): WarmReport[] {
  const rows = sql(
    db,
    `SELECT r.id AS reportId, f.sha256, f.kind FROM reports r
       JOIN files f ON f.id = (SELECT min(id) FROM files WHERE report_id = r.id)
      WHERE f.kind IN ('pdf', 'image')`,
  ).all() as WarmReport[];
  const byId = new Map(rows.map((r) => [r.reportId, r]));
  return reviewQueue(db).flatMap((q) => byId.get(q.id) ?? []);
}

/** The report's likely opening pages, most likely first, at most `max`. */
export function openingPages(db: Db, r: WarmReport, max: number): number[] {
  const pages = sql(
    db,
    `SELECT json_extract(f.source, '$.page') AS page,
            max(EXISTS (SELECT 1 FROM checks c, json_each(c.keys) k
                         WHERE c.report_id = f.report_id AND c.ok = 0 AND c.severity = 'error' AND k.value = f.key)) AS failing,
            max(f.status = 'auto' AND f.confidence < ?) AS low
       FROM fields f
      WHERE f.report_id = ? AND json_extract(f.source, '$.sha256') = ? AND json_extract(f.source, '$.page') IS NOT NULL
      GROUP BY page
      ORDER BY failing DESC, low DESC, page`,
  ).all(LOW_CONFIDENCE, r.reportId, r.sha256) as { page: number; failing: number; low: number }[];
  const likely = pages.filter((p) => p.failing || p.low).map((p) => p.page);
  return [...new Set([...likely, 1, ...pages.map((p) => p.page)])].slice(0, max);
}
