// Verifying many reports at once, each as report:verify does it (status, history entry): a failing
// error-level rule refuses a report unless a note accepts it, warnings never do. Refusals come back
// with the rules that fail.
import { sql, type Db } from './db';
import { verifyReport } from './corrections';
import type { BulkVerifyResult, VerifyRefusal } from '../../../shared/library';
import { inChunks, type ChunkOptions } from './in-chunks';

/** verifyMany over a large selection, a chunk at a time (see inChunks); cancelled: the chunks done stay verified. */
export async function verifyInChunks(db: Db, ids: readonly number[], { by, note, ...chunks }: { by?: string; note?: string } & ChunkOptions = {}): Promise<BulkVerifyResult> {
  const total = noResult();
  const { results, cancelled } = await inChunks(ids, (chunk) => verifyMany(db, chunk, { by, note }), chunks);
  for (const r of results) {
    for (const k of ['verified', 'withWarnings', 'withNote', 'alreadyVerified'] as const) total[k] += r[k];
    total.refusedIds.push(...r.refusedIds);
    total.errorIds.push(...r.errorIds);
    for (const reason of r.reasons) {
      const same = total.reasons.find((x) => x.code === reason.code && x.rule === reason.rule);
      if (same) same.count += reason.count;
      else total.reasons.push({ ...reason });
    }
  }
  total.reasons.sort((a, b) => b.count - a.count);
  if (cancelled) total.cancelled = true;
  return total;
}

const noResult = (): BulkVerifyResult => ({ verified: 0, withWarnings: 0, withNote: 0, alreadyVerified: 0, refusedIds: [], errorIds: [], reasons: [] });

export function verifyMany(db: Db, ids: readonly number[], { by, note }: { by?: string; note?: string } = {}): BulkVerifyResult {
  const result = noResult();
  const reasons = new Map<string, { code: VerifyRefusal; rule?: string; count: number }>();
  const refuse = (id: number, code: VerifyRefusal, rule?: string) => {
    const key = `${code}:${rule ?? ''}`;
    const r = reasons.get(key) ?? reasons.set(key, { code, ...(rule ? { rule } : {}), count: 0 }).get(key)!;
    r.count++;
    if (result.refusedIds.at(-1) !== id) result.refusedIds.push(id);
  };
  db.transaction(() => {
    const json = JSON.stringify([...new Set(ids)]);
    const reports = new Map(
      (sql(db, 'SELECT id, review_status AS status, deleted_at AS deletedAt FROM reports WHERE id IN (SELECT value FROM json_each(?))').all(json) as {
        id: number;
        status: string;
        deletedAt: string | null;
      }[]).map((r) => [r.id, r]),
    );
    const errors = new Map<number, string[]>();
    const warned = new Set<number>();
    for (const c of sql(db, 'SELECT DISTINCT report_id AS id, rule, severity FROM checks WHERE ok = 0 AND report_id IN (SELECT value FROM json_each(?)) ORDER BY rule').all(json) as {
      id: number;
      rule: string;
      severity: string;
    }[]) {
      if (c.severity === 'error') errors.set(c.id, [...(errors.get(c.id) ?? []), c.rule]);
      else warned.add(c.id);
    }
    for (const id of new Set(ids)) {
      const r = reports.get(id);
      if (!r) refuse(id, 'not_found');
      else if (r.deletedAt) refuse(id, 'in_trash');
      else if (r.status === 'verified') result.alreadyVerified++;
      else if (errors.has(id) && !note) {
        for (const rule of errors.get(id)!) refuse(id, 'checks_failing', rule);
        result.errorIds.push(id);
      }
      else {
        verifyReport(db, id, errors.has(id) ? note : undefined, by);
        result.verified++;
        if (errors.has(id)) result.withNote++;
        if (warned.has(id)) result.withWarnings++;
      }
    }
  })();
  result.reasons = [...reasons.values()].sort((a, b) => b.count - a.count);
  return result;
}
