// The library list in SQL over a real imported library: every filter and sort against the same
// question asked of the rows in JavaScript, the trigger-kept columns against their definitions,
// windows, the trash, saved views and bulk verification.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryCounts, queryIds, queryPage } from '../../src/main/core/store/library-query';
import { listChecks, reportIds, reportSummaries, writeChecks } from '../../src/main/core/store/reports';
import { changeField } from '../../src/main/core/store/corrections';
import { emptyTrash, moveToTrash, restoreFromTrash } from '../../src/main/core/store/trash';
import { deleteView, listViews, renameView, saveView } from '../../src/main/core/store/saved-views';
import { verifyInChunks, verifyMany } from '../../src/main/core/store/bulk-verify';
import { blobPath } from '../../src/main/core/import/blob-store';
import { reportFacets, selectReportIds } from '../../src/main/core/store/selection';
import { complianceInputs, figuresByReport, listAgencies } from '../../src/main/core/store/analysis';
import { reviewQueue } from '../../src/main/core/store/review-queue';
import { exportBundle, importBundle } from '../../src/main/core/bundle';
import path from 'node:path';
import type { LibraryQuery } from '../../src/shared/library';
import type { ReportSummary } from '../../src/shared/model';
import type { Db } from '../../src/main/core/store/db';
import { fixture } from '../support/tmp';
import { testLibrary, writeFiles, type TestLibrary } from '../support/library';

let t: TestLibrary;
let db: Db;
beforeAll(async () => {
  t = testLibrary();
  db = t.lib.db;
  await t.import([fixture('seeds'), fixture('reports')]);
  // a few verified reports, so the status filter is a real cut
  verifyMany(db, reportIds(db).slice(-8));
});
afterAll(() => t.lib.close());

const all = (): ReportSummary[] => reportSummaries(db, reportIds(db));
const idsOf = (rows: ReportSummary[]) => rows.map((r) => r.id);
const matching = (q: LibraryQuery) => [...queryIds(db, q)].sort((a, b) => a - b);
const expected = (keep: (r: ReportSummary) => boolean) => idsOf(all().filter(keep));
const collator = new Intl.Collator('zh-CN', { numeric: true });

/** The list columns as their definitions compute them from the tables. */
const computedColumns = () =>
  db
    .prepare(
      `SELECT r.id,
         (SELECT count(*) FROM checks c WHERE c.report_id = r.id AND c.ok = 0) AS failed,
         (SELECT min(confidence) FROM fields f WHERE f.report_id = r.id) AS conf,
         (SELECT kind FROM files f WHERE f.report_id = r.id ORDER BY f.id LIMIT 1) AS kind,
         (SELECT s.name FROM files f JOIN file_sources s ON s.file_id = f.id WHERE f.report_id = r.id ORDER BY f.id, s.id LIMIT 1) AS name
       FROM reports r ORDER BY r.id`,
    )
    .all();
const keptColumns = () => db.prepare('SELECT id, failed_checks AS failed, min_confidence AS conf, file_kind AS kind, file_name AS name FROM reports ORDER BY id').all();

describe('library columns kept by triggers', () => {
  it('match their definitions after import, corrections and re-checks', () => {
    expect(all().length).toBe(55);
    expect(keptColumns()).toEqual(computedColumns());
    // a correction of a report's least confident figure raises it to 1 and re-runs the checks
    const low = db.prepare("SELECT report_id AS id, key FROM fields WHERE key LIKE 'legacy.%' LIMIT 1").get() as { id: number; key: string };
    const minOf = db.prepare('SELECT min_confidence FROM reports WHERE id = ?').pluck();
    const was = minOf.get(low.id) as number;
    db.prepare('UPDATE fields SET confidence = 0.01 WHERE report_id = ? AND key = ?').run(low.id, low.key);
    expect(minOf.get(low.id)).toBe(0.01);
    changeField(db, { reportId: low.id, key: low.key, value: 1, status: 'corrected' });
    expect(minOf.get(low.id)).toBe(was);
    const b = reportIds(db).find((id) => id !== low.id);
    // INSERT OR REPLACE, deletes and updates of checks and fields
    writeChecks(db, b!, [{ rule: 't3.column_total', ok: false, severity: 'error', message: 'x', keys: [] }]);
    db.prepare("INSERT OR REPLACE INTO fields (report_id, key, value, confidence, status, source, updated_at) SELECT report_id, key, value, 0.05, status, source, updated_at FROM fields WHERE report_id = ? LIMIT 1").run(b);
    db.prepare('UPDATE fields SET confidence = 0.99 WHERE report_id = ? AND confidence = 0.05').run(b);
    db.prepare('DELETE FROM fields WHERE report_id = ? AND rowid IN (SELECT rowid FROM fields WHERE report_id = ? ORDER BY confidence LIMIT 3)').run(b, b);
    db.prepare('UPDATE checks SET ok = 1 WHERE report_id = ?').run(b);
    expect(keptColumns()).toEqual(computedColumns());
  });
});

describe('filters', () => {
  const cases: [string, LibraryQuery['filters'], (r: ReportSummary) => boolean][] = [
    ['status', { statuses: ['unreviewed'] }, (r) => r.reviewStatus === 'unreviewed'],
    ['layout set with none', { formats: ['2019', null] }, (r) => r.format === '2019' || r.format === null],
    ['file types', { fileKinds: ['html'] }, (r) => r.fileKind === 'html'],
    ['year range', { yearFrom: 2019, yearTo: 2021 }, (r) => r.year !== null && r.year >= 2019 && r.year <= 2021],
    ['agency contains', { agency: '人民政府' }, (r) => (r.agency ?? '').includes('人民政府')],
    ['region contains', { region: '湖南' }, (r) => (r.region ?? '').includes('湖南')],
    ['file name contains (Latin case-insensitive)', { fileName: 'BROKEN' }, (r) => r.fileName.toLowerCase().includes('broken')],
    ['failed checks', { failedMin: 1 }, (r) => r.failedChecks >= 1],
    ['no failed checks', { failedMax: 0 }, (r) => r.failedChecks === 0],
    ['lowest confidence', { confidenceBelow: 0.7 }, (r) => r.minConfidence !== null && r.minConfidence < 0.7],
    ['combined', { statuses: ['unreviewed'], formats: ['2021'], failedMin: 1 }, (r) => r.reviewStatus === 'unreviewed' && r.format === '2021' && r.failedChecks >= 1],
  ];
  it.each(cases)('%s', (_name, filters, keep) => {
    const want = expected(keep);
    expect(matching({ filters })).toEqual(want);
  });

  it('import date range', () => {
    const times = all().map((r) => r.importedAt).sort();
    const [from, before] = [times[10]!, times[40]!];
    expect(matching({ filters: { importedFrom: from, importedBefore: before } })).toEqual(expected((r) => r.importedAt >= from && r.importedAt < before));
    expect(matching({ filters: { importedBefore: '2000-01-01T00:00:00Z' } })).toEqual([]);
  });

  it('every case is a real cut of the library', () => {
    const sizes = cases.slice(0, 10).map(([, , keep]) => expected(keep).length);
    for (const n of sizes) expect(n).toBeGreaterThan(0);
    for (const n of sizes) expect(n).toBeLessThan(55);
  });

  it('by failed rule', () => {
    const failingRules = (id: number) => listChecks(db, id).filter((c) => !c.ok).map((c) => c.rule);
    const rules = ['t3.column_total', 'legacy.apply_channels'];
    const want = expected((r) => failingRules(r.id).some((rule) => rules.includes(rule)));
    expect(want.length).toBeGreaterThan(1);
    expect(matching({ filters: { failedRules: rules } })).toEqual(want);
    const counts = libraryCounts(db);
    expect(counts.rules.find((x) => x.rule === 't3.column_total')?.count).toBe(expected((r) => failingRules(r.id).includes('t3.column_total')).length);
    expect(counts.reports).toBe(55);
    expect(Object.values(counts.statuses).reduce((a, b) => a + b)).toBe(55);
  });

  it('full-text search combined with filters', () => {
    const found = matching({ search: '政府信息公开' });
    expect(found.length).toBeGreaterThan(10);
    const legacy = matching({ search: '政府信息公开', filters: { formats: ['legacy'] } });
    expect(legacy).toEqual(found.filter((id) => all().find((r) => r.id === id)!.format === 'legacy'));
    expect(legacy.length).toBeGreaterThan(0);
  });
});

describe('sort', () => {
  it('agency, region and file name in Chinese order, nulls last both ways, ties by id; the whole list and a filtered part', () => {
    const filters: LibraryQuery['filters'][] = [undefined, { statuses: ['unreviewed'] }, { fileKinds: ['html', 'text'] }];
    for (const key of ['agency', 'region', 'fileName'] as const) {
      for (const f of filters) {
        const rows = all().filter((r) => (!f?.statuses || f.statuses.includes(r.reviewStatus)) && (!f?.fileKinds || f.fileKinds.includes(r.fileKind)));
        const asc = [...rows].sort((a, b) => (a[key] === b[key] ? a.id - b.id : a[key] === null ? 1 : b[key] === null ? -1 : collator.compare(a[key]!, b[key]!) || a.id - b.id));
        expect(queryIds(db, { sort: { key, desc: false }, filters: f })).toEqual(idsOf(asc));
        const nulls = asc.filter((r) => r[key] === null);
        const desc = [...asc.filter((r) => r[key] !== null).reverse(), ...nulls.reverse()];
        expect(queryIds(db, { sort: { key, desc: true }, filters: f })).toEqual(idsOf(desc));
      }
    }
  });

  it('by id and by number both ways, the whole list, a filtered part, the trash, and ids beyond what packs into one number', () => {
    const check = () => {
      const rows = all();
      const unreviewed = rows.filter((r) => r.reviewStatus === 'unreviewed');
      for (const desc of [false, true]) {
        const byId = (xs: ReportSummary[]) => idsOf(xs).sort((a, b) => (desc ? b - a : a - b));
        expect(queryIds(db, { sort: { key: 'id', desc } })).toEqual(byId(rows));
        expect(queryIds(db, { sort: { key: 'id', desc }, filters: { statuses: ['unreviewed'] } })).toEqual(byId(unreviewed));
        const byFailed = [...unreviewed].sort((a, b) => (desc ? b.failedChecks - a.failedChecks || b.id - a.id : a.failedChecks - b.failedChecks || a.id - b.id));
        expect(queryIds(db, { sort: { key: 'failedChecks', desc }, filters: { statuses: ['unreviewed'] } })).toEqual(idsOf(byFailed));
      }
    };
    check();
    const far = 2 ** 21 + 3;
    db.prepare("INSERT INTO reports (id, agency, year, created_at, updated_at) VALUES (?, '安化县民政局', 2019, 'now', 'now')").run(far);
    try {
      check();
      const trashed = reportIds(db).slice(0, 3);
      moveToTrash(db, [...trashed, far]);
      expect(queryIds(db, { trash: true, sort: { key: 'id', desc: true } })).toEqual([far, ...trashed].sort((a, b) => b - a));
      restoreFromTrash(db, [...trashed, far]);
    } finally {
      db.prepare('DELETE FROM reports WHERE id = ?').run(far);
    }
  });

  it('keeps Chinese order when values change between queries', () => {
    const [a, b] = reportIds(db);
    db.prepare("UPDATE reports SET agency = '阿坝县人民政府' WHERE id = ?").run(a);
    db.prepare("UPDATE reports SET agency = '中卫市民政局' WHERE id = ?").run(b);
    const names = reportSummaries(db, queryIds(db, { sort: { key: 'agency', desc: false } }))
      .map((r) => r.agency)
      .filter((x) => x !== null);
    expect(names).toEqual([...names].sort(collator.compare));
    expect(names[0]).toBe('阿坝县人民政府');
  });

  it('keeps Chinese order when reports arrive after a sort', async () => {
    const seed = fs.readFileSync(fixture('seeds', '003_0b4c895e08e04692.txt'), 'utf8');
    const before = queryIds(db, { sort: { key: 'agency', desc: false } }).length;
    await t.import([writeFiles({ '安化县民政局.txt': seed.replaceAll('平江县', '安化县'), '资兴市民政局.txt': seed.replaceAll('平江县', '资兴市') })]);
    // the import ranked its values: the sort has nothing left to rank
    for (const col of ['agency', 'region', 'file_name']) expect(db.prepare(`SELECT count(*) FROM reports WHERE ${col} IS NOT NULL AND ${col}_rank IS NULL`).pluck().get()).toBe(0);
    const rows = reportSummaries(db, queryIds(db, { sort: { key: 'agency', desc: false } }));
    expect(rows).toHaveLength(before + 2);
    const names = rows.map((r) => r.agency).filter((x) => x !== null);
    expect(names).toEqual(expect.arrayContaining(['安化县民政局', '资兴市民政局']));
    expect(names).toEqual([...names].sort(collator.compare));
  });

  it('numbers, dates and statuses', () => {
    const byFailed = reportSummaries(db, queryIds(db, { sort: { key: 'failedChecks', desc: true } })).map((r) => r.failedChecks);
    expect(byFailed).toEqual([...byFailed].sort((x, y) => y - x));
    for (const desc of [false, true]) {
      const byConfidence = reportSummaries(db, queryIds(db, { sort: { key: 'minConfidence', desc } }));
      const known = byConfidence.filter((r) => r.minConfidence !== null);
      expect(byConfidence.slice(0, known.length)).toEqual(known);
      expect(known.map((r) => r.minConfidence)).toEqual(known.map((r) => r.minConfidence!).sort((x, y) => (desc ? y - x : x - y)));
    }
    const statuses = reportSummaries(db, queryIds(db, { sort: { key: 'reviewStatus', desc: false }, filters: { failedMax: 0 } })).map((r) => r.reviewStatus);
    expect(statuses).toEqual([...statuses].sort((x, y) => ['unreviewed', 'in_review', 'verified'].indexOf(x) - ['unreviewed', 'in_review', 'verified'].indexOf(y)));
    const years = reportSummaries(db, queryIds(db, { sort: { key: 'year', desc: false } })).map((r) => r.year);
    const known = years.filter((y) => y !== null);
    expect(years.slice(0, known.length)).toEqual([...known].sort((x, y) => x - y));
  });
});

describe('windows', () => {
  it('pages through the ordered result and locates a report', () => {
    const q: LibraryQuery = { sort: { key: 'agency', desc: false } };
    const order = queryIds(db, q);
    const page = queryPage(db, q, 10, 7, order[12]);
    expect(page.total).toBe(all().length);
    expect(idsOf(page.rows)).toEqual(order.slice(10, 17));
    expect(page.position).toBe(12);
    expect(queryPage(db, { filters: { statuses: ['verified'], yearFrom: 3000 } }, 0, 10, order[0]).position).toBeNull();
  });
});

describe('trash', () => {
  it('takes reports out of the list, search, exports, analysis, the review queue and bundles; restores them; empties with their originals', async () => {
    // a library of its own: the test removes originals
    const own = testLibrary();
    await own.import([fixture('seeds')]);
    const q = (query: LibraryQuery) => [...queryIds(own.lib.db, query)].sort((a, b) => a - b);
    const sha = (id: number) => own.lib.db.prepare('SELECT sha256 FROM files WHERE report_id = ?').pluck().get(id) as string;
    const found = q({ search: '政府信息公开' });
    expect(found).toHaveLength(5);
    const victims = found.slice(0, 3);
    expect(moveToTrash(own.lib.db, victims)).toBe(3);
    expect(moveToTrash(own.lib.db, victims)).toBe(0);
    expect(reportIds(own.lib.db)).toEqual(found.slice(3));
    expect(q({ search: '政府信息公开' })).toEqual(found.slice(3));
    expect(q({ trash: true })).toEqual(victims);
    expect(libraryCounts(own.lib.db)).toMatchObject({ reports: 2, trash: 3 });
    const live = found.slice(3);
    expect(selectReportIds(own.lib.db)).toEqual(live);
    expect(selectReportIds(own.lib.db, { ids: found })).toEqual(live);
    const years = reportFacets(own.lib.db).years.reduce((n, y) => n + y.count, 0);
    expect(years).toBe(reportSummaries(own.lib.db, live).filter((r) => r.year !== null).length);
    expect(figuresByReport(own.lib.db).map((r) => r.id)).toEqual(live);
    expect(complianceInputs(own.lib.db).map((r) => r.id)).toEqual(live);
    const agencies = new Set(listAgencies(own.lib.db).map((a) => a.agency));
    expect(agencies).toEqual(new Set(reportSummaries(own.lib.db, live).filter((r) => r.year !== null).map((r) => r.agency)));
    expect(reviewQueue(own.lib.db).map((r) => r.id).sort((a, b) => a - b)).toEqual(live);
    // a bundle carries the library, not its trash
    const bundle = path.join(own.lib.home, 'exports', 'own.nianbao');
    fs.mkdirSync(path.dirname(bundle), { recursive: true });
    await exportBundle(own.lib, bundle);
    const other = testLibrary();
    expect(await importBundle(other.lib, bundle)).toMatchObject({ reports: 2 });
    expect(reportIds(other.lib.db)).toHaveLength(2);
    other.lib.close();

    expect(restoreFromTrash(own.lib.db, [victims[2]!])).toBe(1);
    expect(q({ trash: true })).toEqual(victims.slice(0, 2));
    const gone = victims.slice(0, 2).map(sha);
    const kept = found.slice(2).map(sha);
    for (const h of [...gone, ...kept]) expect(fs.existsSync(blobPath(own.lib.home, h))).toBe(true);

    expect(emptyTrash(own.lib.db, own.lib.home)).toEqual({ reports: 2, blobs: 2 });
    for (const h of gone) expect(fs.existsSync(blobPath(own.lib.home, h))).toBe(false);
    for (const h of kept) expect(fs.existsSync(blobPath(own.lib.home, h))).toBe(true);
    expect(own.lib.db.prepare('SELECT count(*) FROM files WHERE sha256 IN (?, ?)').pluck().get(...gone)).toBe(0);
    expect(own.lib.db.prepare("SELECT rowid FROM report_text WHERE report_text MATCH '\"政府信息公开\"' ORDER BY rowid").pluck().all()).toEqual(found.slice(2));
    expect(q({ search: '政府信息公开' })).toEqual(found.slice(2));
    expect(q({ trash: true })).toEqual([]);
    own.lib.close();
  });
});

describe('re-import of a trashed report', () => {
  it('brings the report back from the trash and says so; a near copy of a trashed report is a report of its own', async () => {
    const own = testLibrary();
    const seed = fixture('seeds', '002_08ac4c748e848bbc.txt');
    await own.import([seed]);
    const [id] = reportIds(own.lib.db);
    moveToTrash(own.lib.db, [id!]);
    const again = await own.import([writeFiles({ '再次导入.txt': fs.readFileSync(seed) })]);
    expect(again).toMatchObject({ imported: 1, duplicates: 0 });
    expect(again.outcomes[0]).toMatchObject({ status: 'imported', reportId: id, code: 'restored', message: expect.stringContaining('回收站') });
    expect(again.outcomes[0]!.duplicateOf).toBeUndefined();
    expect(reportIds(own.lib.db)).toEqual([id]);
    expect(reportSummaries(own.lib.db, [id!])[0]!.deletedAt).toBeNull();
    // a file already in the library is a duplicate, as before
    expect(await own.import([seed])).toMatchObject({ imported: 0, duplicates: 1 });
    // a near copy (another file) of a report in the trash is not its twin
    moveToTrash(own.lib.db, [id!]);
    const copy = await own.import([writeFiles({ '转载.txt': `${fs.readFileSync(seed, 'utf8')}\n（转载自镇康县人民政府门户网站）` })]);
    expect(copy.outcomes[0]).toMatchObject({ status: 'imported' });
    expect(copy.outcomes[0]!.duplicateOf).toBeUndefined();
    own.lib.close();
  });
});

describe('saved views', () => {
  it('saves, lists, renames and deletes a named query', () => {
    const query: LibraryQuery = { search: '民政', filters: { statuses: ['unreviewed'], failedRules: ['t3.column_total'] }, sort: { key: 'agency', desc: true } };
    const v = saveView(db, '待核对 民政', query);
    expect(v).toMatchObject({ name: '待核对 民政', query });
    const w = saveView(db, '全部', {});
    expect(listViews(db).map((x) => x.name)).toEqual(['全部', '待核对 民政'].sort((a, b) => (a < b ? -1 : 1)));
    expect(saveView(db, '全部', { trash: true }).id).toBe(w.id);
    expect(() => renameView(db, v.id, '全部')).toThrow(/已有名为/);
    expect(renameView(db, v.id, '民政待核对').name).toBe('民政待核对');
    deleteView(db, w.id);
    expect(listViews(db)).toEqual([expect.objectContaining({ id: v.id, name: '民政待核对', query })]);
    expect(() => deleteView(db, w.id)).toThrow(/不存在/);
  });
});

describe('bulk verify', () => {
  it('verifies as report:verify does: errors refuse (the rules said), warnings do not, a note accepts', async () => {
    const severities = (id: number) => new Set(listChecks(db, id).filter((c) => !c.ok).map((c) => c.severity));
    const rows = all().filter((r) => r.reviewStatus !== 'verified');
    const failing = rows.filter((r) => severities(r.id).has('error')).slice(0, 3);
    const warned = rows.filter((r) => !severities(r.id).has('error') && severities(r.id).has('warning')).slice(0, 2);
    const clean = rows.filter((r) => r.failedChecks === 0).slice(0, 4);
    expect(failing).toHaveLength(3);
    expect(warned.length).toBeGreaterThan(0);
    const trashed = clean.pop()!;
    moveToTrash(db, [trashed.id]);
    const ids = [...failing, ...warned, ...clean, trashed].map((r) => r.id);
    const result = verifyMany(db, [...ids, 999_999], { by: 'tester' });
    expect(result).toMatchObject({ verified: 3 + warned.length, withWarnings: warned.length, withNote: 0 });
    expect(result.errorIds.sort((a, b) => a - b)).toEqual(failing.map((r) => r.id).sort((a, b) => a - b));
    expect(result.refusedIds.sort((a, b) => a - b)).toEqual([...failing.map((r) => r.id), trashed.id, 999_999].sort((a, b) => a - b));
    const byRule = result.reasons.filter((r) => r.code === 'checks_failing');
    const expectedRules = new Set(failing.flatMap((r) => listChecks(db, r.id).filter((c) => !c.ok && c.severity === 'error').map((c) => c.rule)));
    expect(new Set(byRule.map((r) => r.rule))).toEqual(expectedRules);
    expect(result.reasons).toEqual(expect.arrayContaining([{ code: 'in_trash', count: 1 }, { code: 'not_found', count: 1 }]));
    expect(matching({ filters: { statuses: ['verified'] } })).toEqual(expect.arrayContaining([...warned, ...clean].map((r) => r.id)));
    expect(verifyMany(db, clean.map((r) => r.id))).toMatchObject({ verified: 0, alreadyVerified: 3, refusedIds: [] });
    const history = db.prepare("SELECT changed_by FROM field_history WHERE key = '*' AND report_id = ?").pluck().all(clean[0]!.id);
    expect(history).toEqual(['tester']);

    // the refused ones accepted with a note: verified, the note in their history; the trash still refuses
    const accepted = verifyMany(db, result.refusedIds, { by: 'tester', note: '原件如此' });
    expect(accepted).toMatchObject({ verified: 3, withNote: 3, errorIds: [] });
    expect(accepted.refusedIds.sort((a, b) => a - b)).toEqual([trashed.id, 999_999].sort((a, b) => a - b));
    for (const r of failing) {
      expect(db.prepare("SELECT reason FROM field_history WHERE key = '*' AND report_id = ? ORDER BY id DESC LIMIT 1").pluck().get(r.id)).toBe('原件如此');
    }

    // in chunks, over the whole library: the same answer as in one go
    const everything = reportIds(db);
    const errorRules = (id: number) => listChecks(db, id).filter((c) => !c.ok && c.severity === 'error').map((c) => c.rule);
    const unverified = everything.filter((id) => reportSummaries(db, [id])[0]!.reviewStatus !== 'verified');
    const chunked = await verifyInChunks(db, [...everything, ...everything.slice(0, 5)], { chunk: 7 });
    expect(chunked.refusedIds.sort((a, b) => a - b)).toEqual(unverified.filter((id) => errorRules(id).length > 0));
    expect(chunked.verified + chunked.alreadyVerified + chunked.refusedIds.length).toBe(everything.length);
    const rule = errorRules(unverified.find((id) => errorRules(id).length > 0)!)[0];
    expect(chunked.reasons.find((r) => r.rule === rule)?.count).toBe(unverified.filter((id) => errorRules(id).includes(rule!)).length);
  });
});
