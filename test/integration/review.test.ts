// The correction core behind the review screen: undo/redo/restore, review status, metadata,
// re-extraction keeping manual work, merging, the review queue and page views — on real imports.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changeField, fieldHistory, restoreField, verifyReport } from '../../src/main/core/store/corrections';
import { getReport, reportSummaries } from '../../src/main/core/store/reports';
import { queryIds } from '../../src/main/core/store/library-query';
import { reviewQueue } from '../../src/main/core/store/review-queue';
import { mergeReports } from '../../src/main/core/store/merge';
import { reextractReports } from '../../src/main/core/review/reextract';
import { editMetadata } from '../../src/main/core/review/metadata';
import { DEFAULT_DPI, pageViews } from '../../src/main/core/review/page-view';
import { pageWarmer } from '../../src/main/core/review/page-warmer';
import { pageCache } from '../../src/main/core/review/page-cache';
import { pagePictures } from '../../src/main/core/review/page-pictures';
import { inlineExecutor } from '../../src/main/core/import/executor';
import { blobPath } from '../../src/main/core/import/blob-store';
import { fixture, tempDir } from '../support/tmp';
import { testLibrary, writeFiles, type TestLibrary } from '../support/library';

let t: TestLibrary;
afterEach(() => t?.lib.close());

const allReports = (db: TestLibrary['lib']['db']) => reportSummaries(db, queryIds(db, {}));
const searchFor = (db: TestLibrary['lib']['db'], search: string) => reportSummaries(db, queryIds(db, { search }));
const byFile = (t: TestLibrary, prefix: string) => allReports(t.lib.db).find((r) => r.fileName.startsWith(prefix))!.id;
const field = (t: TestLibrary, id: number, key: string) => getReport(t.lib.db, id)!.fields.find((f) => f.key === key);
const check = (t: TestLibrary, id: number, rule: string) => getReport(t.lib.db, id)!.checks.find((c) => c.rule === rule)!;
const reviewStatus = (t: TestLibrary, id: number) => getReport(t.lib.db, id)!.reviewStatus;

async function seeds(): Promise<TestLibrary> {
  const lib = testLibrary();
  await lib.import([fixture('seeds')]);
  return lib;
}

describe('undo, redo and restore', () => {
  it('puts back value, status and confidence as a new change, and the rule follows', async () => {
    t = await seeds();
    const id = byFile(t, '003_');
    const original = field(t, id, 'legacy.apply.in_person')!;
    const change = changeField(t.lib.db, { reportId: id, key: 'legacy.apply.in_person', value: 2, status: 'corrected', by: 'tester' });
    expect(check(t, id, 'legacy.apply_channels').ok).toBe(false);
    expect(reviewStatus(t, id)).toBe('in_review');

    const undo = restoreField(t.lib.db, { reportId: id, historyId: change, side: 'old', action: 'undo', by: 'tester' });
    expect(field(t, id, 'legacy.apply.in_person')).toMatchObject({ value: original.value, status: 'auto', confidence: original.confidence });
    expect(check(t, id, 'legacy.apply_channels').ok).toBe(true);

    restoreField(t.lib.db, { reportId: id, historyId: change, side: 'new', note: '重做', by: 'tester' });
    expect(field(t, id, 'legacy.apply.in_person')).toMatchObject({ value: 2, status: 'corrected' });
    const history = fieldHistory(t.lib.db, id);
    expect(history.map((h) => [h.key, h.oldValue, h.newValue, h.newStatus, h.action, h.restoredFrom, h.reason])).toEqual([
      ['legacy.apply.in_person', original.value, 2, 'corrected', null, null, null],
      ['legacy.apply.in_person', 2, original.value, 'auto', 'undo', change, null],
      ['legacy.apply.in_person', original.value, 2, 'corrected', 'restore', change, '重做'],
    ]);
    expect(history[1]!.id).toBe(undo);
  });

  it('undoes a value typed into an empty cell by removing the field', async () => {
    t = await seeds();
    const id = byFile(t, '003_');
    expect(field(t, id, 't3.new.natural')).toBeUndefined();
    const change = changeField(t.lib.db, { reportId: id, key: 't3.new.natural', value: 5, status: 'corrected' });
    restoreField(t.lib.db, { reportId: id, historyId: change, side: 'old' });
    expect(field(t, id, 't3.new.natural')).toBeUndefined();
    expect(fieldHistory(t.lib.db, id).at(-1)).toMatchObject({ newStatus: 'missing', newValue: null });
  });

  it('reopens a verified report when a value changes, and undoing the verification restores the status', async () => {
    t = await seeds();
    const id = byFile(t, '003_');
    const verified = verifyReport(t.lib.db, id, undefined, 'tester');
    expect(reviewStatus(t, id)).toBe('verified');
    changeField(t.lib.db, { reportId: id, key: 'legacy.apply.received', value: 0, status: 'verified' });
    expect(reviewStatus(t, id)).toBe('verified'); // confirming a value changes nothing
    changeField(t.lib.db, { reportId: id, key: 'legacy.fees', value: 1.5, status: 'corrected' });
    expect(reviewStatus(t, id)).toBe('in_review');
    expect(fieldHistory(t.lib.db, id).at(-1)).toMatchObject({ key: '*', oldStatus: 'verified', newStatus: 'in_review', action: 'verify' });
    restoreField(t.lib.db, { reportId: id, historyId: verified, side: 'new' });
    expect(reviewStatus(t, id)).toBe('verified');
    restoreField(t.lib.db, { reportId: id, historyId: verified, side: 'old' });
    expect(reviewStatus(t, id)).toBe('unreviewed');
    expect(() => restoreField(t.lib.db, { reportId: id + 100, historyId: verified, side: 'old' })).toThrow(/修改记录/);
  });
});

describe('metadata', () => {
  it('changes the library columns and the cross-year neighbours with the fields', async () => {
    t = await seeds();
    const id = byFile(t, '003_');
    const executor = inlineExecutor();
    expect(await editMetadata(t.lib, executor, id, { agency: '平江县人民政府', year: 2016, region: '湖南省岳阳市平江县' }, '标题页所示')).toMatchObject({ reextracted: false, changes: [expect.any(Number), expect.any(Number)] });
    const row = allReports(t.lib.db).find((r) => r.id === id)!;
    expect([row.agency, row.year, row.region]).toEqual(['平江县人民政府', 2016, '湖南省岳阳市平江县']);
    expect(fieldHistory(t.lib.db, id).filter((h) => h.key.startsWith('meta.')).map((h) => [h.key, h.newValue, h.reason])).toEqual([
      ['meta.agency', '平江县人民政府', '标题页所示'],
      ['meta.year', 2016, '标题页所示'],
    ]);
  });

  it('re-extracts when the layout changes, keeping the corrections', async () => {
    t = await seeds();
    const id = byFile(t, '003_');
    changeField(t.lib.db, { reportId: id, key: 'legacy.apply.fax', value: 3, status: 'corrected' });
    expect((await editMetadata(t.lib, inlineExecutor(), id, { format: 'narrative' })).reextracted).toBe(true);
    expect(field(t, id, 'meta.format')).toMatchObject({ value: 'narrative', status: 'corrected' });
    expect(field(t, id, 'legacy.apply.fax')).toMatchObject({ value: 3, status: 'corrected' });
    expect(fieldHistory(t.lib.db, id).at(-1)).toMatchObject({ key: '*', action: 'reextract' });
  });

  it('re-reads the tables with the layout a person forces (2019 → 2021 → 2019), keeping the corrections', async () => {
    t = testLibrary();
    await t.import([fixture('reports', '2019-html-official.html')]);
    const id = allReports(t.lib.db)[0]!.id;
    const keys = () => getReport(t.lib.db, id)!.fields.map((f) => f.key);
    const read2019 = getReport(t.lib.db, id)!.fields;
    expect(field(t, id, 'meta.format')!.value).toBe('2019');
    changeField(t.lib.db, { reportId: id, key: 't3.new.natural', value: 99, status: 'corrected', note: '原件手写' });
    changeField(t.lib.db, { reportId: id, key: 't2v19.rules.made', value: 8, status: 'verified' });

    expect(await editMetadata(t.lib, inlineExecutor(), id, { format: '2021' })).toMatchObject({ reextracted: true });
    expect(field(t, id, 'meta.format')).toMatchObject({ value: '2021', status: 'corrected' });
    expect(allReports(t.lib.db).find((r) => r.id === id)!.format).toBe('2021');
    // the automatic 2019 表二 figures went, the 表三 rows only the 2019 form prints with them
    const auto2019 = read2019.filter((f) => f.key.startsWith('t2v19.') && f.key !== 't2v19.rules.made').map((f) => f.key);
    expect(auto2019.length).toBeGreaterThan(10);
    expect(keys().filter((k) => auto2019.includes(k))).toEqual([]);
    expect(keys().filter((k) => k.startsWith('t3.')).length).toBeLessThan(read2019.filter((f) => f.key.startsWith('t3.')).length);
    expect(field(t, id, 't4.review.total')!.value).toBe(read2019.find((f) => f.key === 't4.review.total')!.value);
    // what the person wrote stays
    expect(field(t, id, 't3.new.natural')).toMatchObject({ value: 99, status: 'corrected' });
    expect(field(t, id, 't2v19.rules.made')).toMatchObject({ value: 8, status: 'verified' });
    const removed = fieldHistory(t.lib.db, id).filter((h) => h.action === 'reextract' && h.key.startsWith('t2v19.'));
    expect(removed.length).toBe(auto2019.length);
    expect(removed.every((h) => h.newStatus === 'missing')).toBe(true);

    // and back: the 2019 tables again, as first read, with the corrections
    await editMetadata(t.lib, inlineExecutor(), id, { format: '2019' });
    const again = new Map(getReport(t.lib.db, id)!.fields.map((f) => [f.key, f.value]));
    for (const f of read2019.filter((f) => f.key.startsWith('t') && f.key !== 't3.new.natural' && f.key !== 't2v19.rules.made')) expect([f.key, again.get(f.key)]).toEqual([f.key, f.value]);
    expect(again.get('t3.new.natural')).toBe(99);
    expect(again.get('t2v19.rules.made')).toBe(8);
    expect(fieldHistory(t.lib.db, id).filter((h) => h.key === 'meta.format').map((h) => h.newValue)).toEqual(['2021', '2019']);

    // re-extracting without keeping manual work reads the best fit again
    await reextractReports(t.lib, inlineExecutor(), [id], { keepManual: false });
    expect(field(t, id, 'meta.format')).toMatchObject({ value: '2019', status: 'auto' });
  });
});

describe('re-extraction', () => {
  it('re-reads the original, keeps manual fields unless told otherwise, and records what changed', async () => {
    t = await seeds();
    const id = byFile(t, '003_');
    const auto = field(t, id, 'legacy.apply.received')!;
    changeField(t.lib.db, { reportId: id, key: 'legacy.apply.in_person', value: 7, status: 'corrected' });
    changeField(t.lib.db, { reportId: id, key: 'legacy.apply.received', value: 9, status: 'corrected' });
    // an automatic value that drifted (as an older extractor would have left it)
    t.lib.db.prepare("UPDATE fields SET value = 41 WHERE report_id = ? AND key = 'legacy.active.total'").run(id);
    const before = allReports(t.lib.db).length;

    const kept = await reextractReports(t.lib, inlineExecutor(), [id]);
    expect(kept).toMatchObject({ reextracted: [id], failed: [], kept: 2, changed: 1 });
    expect(field(t, id, 'legacy.apply.in_person')).toMatchObject({ value: 7, status: 'corrected' });
    expect(field(t, id, 'legacy.active.total')).toMatchObject({ value: 128, status: 'auto' });
    expect(fieldHistory(t.lib.db, id).filter((h) => h.action === 'reextract').map((h) => [h.key, h.oldValue, h.newValue])).toEqual([
      ['legacy.active.total', 41, 128],
      ['*', null, null],
    ]);
    expect(check(t, id, 'legacy.apply_channels').ok).toBe(false); // 9 ≠ 7 + …: the corrections are what is checked
    expect(searchFor(t.lib.db, '平江县民政局').map((r) => r.id)).toEqual([id]);
    expect(allReports(t.lib.db)).toHaveLength(before);

    const replaced = await reextractReports(t.lib, inlineExecutor(), [id], { keepManual: false });
    expect(replaced).toMatchObject({ kept: 0, changed: 2 });
    expect(field(t, id, 'legacy.apply.received')).toMatchObject({ value: auto.value, status: 'auto' });
    expect(check(t, id, 'legacy.apply_channels').ok).toBe(true);
  });

  it('reports a missing original and goes on with the others', async () => {
    t = await seeds();
    const [a, b] = [byFile(t, '000_'), byFile(t, '001_')];
    fs.rmSync(blobPath(t.lib.home, getReport(t.lib.db, a)!.files[0]!.sha256));
    const progress: number[] = [];
    const run = await reextractReports(t.lib, inlineExecutor(), [a, b, 9999], { onProgress: (p) => progress.push(p.done) });
    expect(run.reextracted).toEqual([b]);
    expect(run.failed.map((f) => [f.id, f.code])).toEqual([
      [a, 'blob_missing'],
      [9999, 'not_found'],
    ]);
    expect(run.failed[0]!.message).toMatch(/原始文件/);
    expect(progress).toEqual([1, 2, 3]);
    expect(getReport(t.lib.db, a)!.fields.length).toBeGreaterThan(0);
  });
});

describe('merging', () => {
  it('leaves one report with both files, the manual values of both and both histories', async () => {
    const seed = fs.readFileSync(fixture('seeds', fs.readdirSync(fixture('seeds')).find((f) => f.startsWith('003_'))!), 'utf8');
    const dir = writeFiles({ 'a.txt': seed, 'b.txt': `${seed}\n（网站转载）` });
    t = testLibrary();
    await t.import([path.join(dir, 'a.txt')]);
    await t.import([path.join(dir, 'b.txt')]);
    const [a, b] = [byFile(t, 'a.txt'), byFile(t, 'b.txt')];
    changeField(t.lib.db, { reportId: b, key: 'legacy.apply.fax', value: 4, status: 'corrected', note: '原件如此' });
    changeField(t.lib.db, { reportId: a, key: 'legacy.apply.letter', value: 6, status: 'verified' });
    changeField(t.lib.db, { reportId: b, key: 'legacy.apply.letter', value: 5, status: 'corrected' });

    expect(mergeReports(t.lib.db, b, a, 'tester')).toBe(a);
    expect(allReports(t.lib.db).map((r) => r.id)).toEqual([a]);
    const merged = getReport(t.lib.db, a)!;
    expect(merged.files.map((f) => f.name)).toEqual(['a.txt', 'b.txt']);
    expect(merged.fields.find((f) => f.key === 'legacy.apply.fax')).toMatchObject({ value: 4, status: 'corrected' });
    expect(merged.fields.find((f) => f.key === 'legacy.apply.letter')).toMatchObject({ value: 6, status: 'verified' });
    const history = fieldHistory(t.lib.db, a);
    expect(history.filter((h) => h.reason === '原件如此')).toHaveLength(1);
    expect(history.at(-1)).toMatchObject({ key: '*', action: 'merge', changedBy: 'tester' });
    expect(history.at(-1)!.reason).toContain(`#${b}`);
    expect(searchFor(t.lib.db, '平江县民政局').map((r) => r.id)).toEqual([a]);
    expect(() => mergeReports(t.lib.db, a, a, 'tester')).toThrow(/自身/);
    expect(() => mergeReports(t.lib.db, a, b, 'tester')).toThrow(/不存在/);
  });
});

describe('review queue', () => {
  it('puts failing, then low-confidence reports first and verified ones last', async () => {
    t = await seeds();
    const ids = allReports(t.lib.db).map((r) => r.id);
    const [failing, low, done] = [byFile(t, '003_'), byFile(t, '001_'), byFile(t, '000_')];
    changeField(t.lib.db, { reportId: failing, key: 'legacy.apply.in_person', value: 5, status: 'corrected' });
    t.lib.db.prepare("UPDATE fields SET confidence = 0.3 WHERE report_id = ? AND key = 'meta.agency'").run(low);
    verifyReport(t.lib.db, done);
    const queue = reviewQueue(t.lib.db);
    expect(queue.map((q) => q.id).slice(0, 2)).toEqual([failing, low]);
    expect(queue.at(-1)).toMatchObject({ id: done, reviewStatus: 'verified' });
    expect(queue[0]!.errors).toBe(1);
    expect(queue[1]!.low).toBeGreaterThan(0);
    expect(reviewQueue(t.lib.db, [done, low]).map((q) => q.id)).toEqual([low, done]);
    expect(new Set(queue.map((q) => q.id))).toEqual(new Set(ids));
  });
});

describe('page views', () => {
  it('gives the words and size of a PDF page, with the field boxes on it', async () => {
    t = testLibrary();
    await t.import([fixture('pdf', 'table-2021.pdf')]);
    const id = allReports(t.lib.db)[0]!.id;
    const boxed = getReport(t.lib.db, id)!.fields.find((f) => f.source.box)!;
    const view = await pageViews(t.lib).get(id, boxed.source.page!);
    expect(view.pages[0]).toBe(1);
    expect(view.words.length).toBeGreaterThan(20);
    const [x, y, w, h] = boxed.source.box!;
    expect(x + w).toBeLessThanOrEqual(view.width);
    expect(y + h).toBeLessThanOrEqual(view.height);
    expect(view.words.some((word) => word.x <= x + w && word.x + word.w >= x && word.y <= y + h && word.y + word.h >= y)).toBe(true);
    expect(view.image).toBeNull();
    await expect(pageViews(t.lib).get(id, 99)).rejects.toThrow(/第 99 页/);

    // drawn: a PNG of the page, its size in points (the unit of the boxes)
    const drawn = pageViews(t.lib, pagePictures());
    const picture = await drawn.get(id, 1, { dpi: 72 });
    expect(picture.image).toMatch(/^data:image\/png;base64,/);
    expect(picture.width).toBeCloseTo(595.92, 0);
    expect(picture.height).toBeCloseTo(842.88, 0);
    expect(await drawn.get(id, 1, { dpi: 72 })).toBe(picture); // cached
    await drawn.close();
  });
});

describe('page warming', () => {
  it('draws the pages reports open on ahead of time: when idle, within its share of the cache, once', async () => {
    const pdf = fs.readFileSync(fixture('pdf', 'table-2021.pdf'));
    t = testLibrary();
    await t.import([writeFiles({ 'a.pdf': pdf, 'b.pdf': Buffer.concat([pdf, Buffer.from('\n% another copy\n')]) })]);
    const files = allReports(t.lib.db).map((r) => getReport(t.lib.db, r.id)!.files[0]!.sha256);
    expect(files).toHaveLength(2);
    let busy = true;
    const warm = (disk = pageCache(t.lib.home)) => {
      const views = pageViews(t.lib, pagePictures(), disk);
      return { views, warmer: pageWarmer(t.lib, views, pagePictures(), { busy: () => busy, quietMs: 20 }) };
    };

    // room for one page only (half of the budget is warming's)
    const small = warm(pageCache(t.lib.home, 200_000));
    small.warmer.poke();
    await new Promise((r) => setTimeout(r, 300));
    expect(await small.views.disk.usage()).toBe(0); // a job is running
    busy = false;
    expect(await small.warmer.settled()).toBe(1);
    await small.warmer.close();

    const { views, warmer } = warm();
    warmer.poke();
    expect(await warmer.settled()).toBe(1); // the other report's page; the first was there
    for (const sha of files) expect(await views.disk.has(sha, 1, DEFAULT_DPI)).toBe(true);
    warmer.poke();
    expect(await warmer.settled()).toBe(0);
    await warmer.close();

    // a report opened later shows the picture from the cache, as it would have been drawn
    const id = allReports(t.lib.db)[0]!.id;
    const cached = await views.get(id, 1);
    const drawn = await pageViews(t.lib, pagePictures(), pageCache(tempDir('nianbao-nocache-'))).get(id, 1);
    expect([cached.width, cached.height, cached.image!.length > 1000]).toEqual([drawn.width, drawn.height, true]);
    await views.close();
  });
});
