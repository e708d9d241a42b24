// library:counts from the counts kept by triggers (report_counts, the failing rules kept until a
// failing check changes) against the same counts worked out from every report, after each kind
// of change a library sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryCounts } from '../../src/main/core/store/library-query';
import { reportIds, writeChecks } from '../../src/main/core/store/reports';
import { verifyMany } from '../../src/main/core/store/bulk-verify';
import { emptyTrash, moveToTrash, restoreFromTrash } from '../../src/main/core/store/trash';
import { editMetadata } from '../../src/main/core/review/metadata';
import { inlineExecutor } from '../../src/main/core/import/executor';
import { fixture } from '../support/tmp';
import { testLibrary } from '../support/library';

const t = testLibrary();
const db = t.lib.db;
beforeAll(() => t.import([fixture('seeds'), fixture('reports')]));
afterAll(() => t.lib.close());

/** The counts as a scan of every live report and failing check gives them. */
function scanned() {
  const live = db.prepare('SELECT review_status AS status, format, file_kind AS kind, year FROM reports WHERE deleted_at IS NULL').all() as { status: string; format: string | null; kind: string | null; year: number | null }[];
  const tally = <K>(keys: K[]) => [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>())].map(([value, count]) => ({ value, count }));
  const byCount = (xs: { value: unknown; count: number }[]) => [...xs].sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
  const years = live.map((r) => r.year).filter((y): y is number => y !== null);
  const rules = db
    .prepare('SELECT c.rule, count(DISTINCT c.report_id) AS count FROM checks c JOIN reports r ON r.id = c.report_id WHERE c.ok = 0 AND r.deleted_at IS NULL GROUP BY c.rule ORDER BY c.rule')
    .all();
  return {
    reports: live.length,
    trash: db.prepare('SELECT count(*) FROM reports WHERE deleted_at IS NOT NULL').pluck().get(),
    statuses: { unreviewed: 0, in_review: 0, verified: 0, ...Object.fromEntries(tally(live.map((r) => r.status)).map((x) => [x.value, x.count])) },
    formats: byCount(tally(live.map((r) => r.format))),
    fileKinds: byCount(tally(live.map((r) => r.kind).filter((k) => k !== null))),
    rules,
    years: years.length ? { min: Math.min(...years), max: Math.max(...years) } : null,
  };
}
const kept = () => {
  const c = libraryCounts(db);
  const byCount = (xs: { value: unknown; count: number }[]) => [...xs].sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
  return { ...c, formats: byCount(c.formats), fileKinds: byCount(c.fileKinds) };
};

describe('library counts kept by triggers', () => {
  it('match a scan of the reports after import, verify, trash, restore, metadata edits, re-checks and emptying the trash', async () => {
    expect(kept()).toEqual(scanned());
    expect(kept().reports).toBe(55);
    const ids = reportIds(db);
    verifyMany(db, ids.slice(0, 20), { note: '核对' });
    expect(kept()).toEqual(scanned());
    moveToTrash(db, ids.slice(10, 30));
    expect(kept()).toEqual(scanned());
    restoreFromTrash(db, ids.slice(10, 15));
    expect(kept()).toEqual(scanned());
    // a layout forced by a person (re-extraction), a year changed
    await editMetadata(t.lib, inlineExecutor(), ids[40]!, { format: 'legacy', year: 2008 });
    expect(kept()).toEqual(scanned());
    // failing checks come and go: the failing rules' counts follow (not the cached ones)
    writeChecks(db, ids[41]!, [{ rule: 't3.column_total', ok: false, severity: 'error', message: 'x', keys: [] }]);
    expect(kept()).toEqual(scanned());
    db.prepare('UPDATE checks SET ok = 1 WHERE report_id = ?').run(ids[41]);
    expect(kept()).toEqual(scanned());
    writeChecks(db, ids[42]!, []);
    expect(kept()).toEqual(scanned());
    emptyTrash(db, t.lib.home);
    expect(kept()).toEqual(scanned());
    expect(kept().trash).toBe(0);
  });
});
