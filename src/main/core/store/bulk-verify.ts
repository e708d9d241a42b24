// Verifying many reports at once: only those where no rule fails; the others are refused with
// the rules that fail. Each is verified as report:verify does it (status, history entry).
import { sql, type Db } from './db';
import { verifyReport } from './corrections';
import type { BulkVerifyResult, VerifyRefusal } from '../../../shared/library';

/**
 * verifyMany over a large selection in chunks (reports per transaction), yielding to the event
 * loop between them so that other calls (the list scrolling) get their turn.
 */
export async function verifyInChunks(db: Db, ids: readonly number[], { by, chunk = 1000 }: { by?: string; chunk?: number } = {}): Promise<BulkVerifyResult> {
  const total: BulkVerifyResult = { verified: 0, alreadyVerified: 0, refusedIds: [], reasons: [] };
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += chunk) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const r = verifyMany(db, unique.slice(i, i + chunk), by);
    total.verified += r.verified;
    total.alreadyVerified += r.alreadyVerified;
    total.refusedIds.push(...r.refusedIds);
    for (const reason of r.reasons) {
      const same = total.reasons.find((x) => x.code === reason.code && x.rule === reason.rule);
      if (same) same.count += reason.count;
      else total.reasons.push({ ...reason });
    }
  }
  total.reasons.sort((a, b) => b.count - a.count);
  return total;
}

export function verifyMany(db: Db, ids: readonly number[], by?: string): BulkVerifyResult {
  const result: BulkVerifyResult = { verified: 0, alreadyVerified: 0, refusedIds: [], reasons: [] };
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
    const failing = new Map<number, string[]>();
    for (const c of sql(db, 'SELECT DISTINCT report_id AS id, rule FROM checks WHERE ok = 0 AND report_id IN (SELECT value FROM json_each(?)) ORDER BY rule').all(json) as {
      id: number;
      rule: string;
    }[]) {
      failing.set(c.id, [...(failing.get(c.id) ?? []), c.rule]);
    }
    for (const id of new Set(ids)) {
      const r = reports.get(id);
      if (!r) refuse(id, 'not_found');
      else if (r.deletedAt) refuse(id, 'in_trash');
      else if (failing.has(id)) for (const rule of failing.get(id)!) refuse(id, 'checks_failing', rule);
      else if (r.status === 'verified') result.alreadyVerified++;
      else {
        verifyReport(db, id, undefined, by);
        result.verified++;
      }
    }
  })();
  result.reasons = [...reasons.values()].sort((a, b) => b.count - a.count);
  return result;
}
