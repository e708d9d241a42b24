// Two archivists' libraries merged through a bundle: no duplicates, corrections and history of
// both sides kept, a conflict kept and listed; bad bundles refused with the library unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BundleError, exportBundle, importBundle } from '../../src/main/core/bundle';
import { listConflicts, plainTables, tableRule } from '../../src/main/core/store/bundle';
import { changeField, fieldHistory, restoreField, verifyReport } from '../../src/main/core/store/corrections';
import { queryIds } from '../../src/main/core/store/library-query';
import { getReport } from '../../src/main/core/store/reports';
import { createApiHost } from '../../src/main/core/api/host';
import type { Db } from '../../src/main/core/store/db';
import { SCHEMA_VERSION } from '../../src/main/core/store/migrations';
import { fixture, tempDir } from '../support/tmp';
import { testLibrary, writeFiles, type TestLibrary } from '../support/library';

const open: TestLibrary[] = [];
afterEach(() => open.splice(0).forEach((t) => t.lib.close()));
const library = (): TestLibrary => {
  const t = testLibrary();
  open.push(t);
  return t;
};

const zhCollator = new Intl.Collator('zh-CN', { numeric: true });
const idOf = (t: TestLibrary, prefix: string) => t.exported().find((r) => r.files.some((f) => f.name.startsWith(prefix)))!.id;
const value = (t: TestLibrary, id: number, key: string) => getReport(t.lib.db, id)!.fields.find((f) => f.key === key);
const counts = (t: TestLibrary) => ({
  reports: t.lib.db.prepare('SELECT count(*) FROM reports').pluck().get(),
  files: t.lib.db.prepare('SELECT count(*) FROM files').pluck().get(),
  history: t.lib.db.prepare('SELECT count(*) FROM field_history').pluck().get(),
  fields: t.lib.db.prepare("SELECT group_concat(value, ',') FROM (SELECT value FROM fields ORDER BY report_id, key)").pluck().get(),
});

async function twoLibraries() {
  const a = library();
  await a.import([fixture('seeds'), fixture('real')]);
  const b = library();
  const seed2 = fs.readFileSync(fixture('seeds', '002_08ac4c748e848bbc.txt'), 'utf8');
  await b.import([
    fixture('real'),
    writeFiles({ '木场乡年报-转载.txt': `${seed2}\n（转载自镇康县人民政府门户网站）`, '2021-pipe.txt': fs.readFileSync(fixture('reports', '2021-pipe.txt')) }),
  ]);
  const aId = idOf(a, '平潭综合实验区2022');
  const bId = idOf(b, '平潭综合实验区2022');
  changeField(a.lib.db, { reportId: aId, key: 't3.new.natural', value: 70, status: 'corrected', by: '甲' });
  changeField(b.lib.db, { reportId: bId, key: 't3.new.natural', value: 72, status: 'corrected', by: '乙', note: '按原件' });
  changeField(b.lib.db, { reportId: bId, key: 't2.rules.valid', value: 3, status: 'corrected', by: '乙' });
  changeField(b.lib.db, { reportId: bId, key: 't3.new.total', value: 74, status: 'verified', by: '乙' });
  verifyReport(b.lib.db, idOf(b, '平潭综合实验区2019'), undefined, '乙');
  return { a, b, aId };
}

describe('library bundles', () => {
  it('merges another library without duplicates, keeping both sides’ work and the conflict', async () => {
    const { a, b, aId } = await twoLibraries();
    // both libraries have ranked their agencies (Chinese order), each its own way: the report only
    // the bundle has is among the sender's first values and this library's last
    b.lib.db.prepare("UPDATE reports SET agency = '资兴市民政局' WHERE id = ?").run(idOf(b, '2021-pipe'));
    for (const t of [a, b]) queryIds(t.lib.db, { sort: { key: 'agency', desc: false } });
    const bundle = path.join(tempDir(), '乙的资料库.nianbao');
    const manifest = await exportBundle(b.lib, bundle);
    expect(manifest).toMatchObject({ schema: 'nianbao/bundle-v1', reports: 6, files: 6, missing: [] });

    const before = counts(a).reports as number;
    const s = await importBundle(a.lib, bundle);
    expect(s).toMatchObject({ reports: 6, exactDuplicates: 4, added: 2, nearDuplicates: 1, conflicts: 1 });
    expect(counts(a).reports).toBe(before + 2);
    const shas = a.lib.db.prepare('SELECT sha256 FROM files').pluck().all() as string[];
    expect(new Set(shas).size).toBe(shas.length);

    // the near-duplicate is linked to the report already here
    const twin = idOf(a, '木场乡年报-转载');
    expect(getReport(a.lib.db, twin)!.duplicateOf).toBe(idOf(a, '002_'));
    // the original of the new report was copied with the bundle
    expect(fs.existsSync(path.join(a.lib.home, 'blobs'))).toBe(true);

    // local correction stays, the other side's differing one is a conflict
    expect(value(a, aId, 't3.new.natural')).toMatchObject({ value: 70, status: 'corrected' });
    expect(listConflicts(a.lib.db)).toEqual([
      expect.objectContaining({ reportId: aId, key: 't3.new.natural', localValue: 70, incomingValue: 72, incomingStatus: 'corrected', incomingBy: '乙', bundle: '乙的资料库.nianbao' }),
    ]);
    // corrections and verifications only the other side made are taken over, with their history
    expect(value(a, aId, 't2.rules.valid')).toMatchObject({ value: 3, status: 'corrected' });
    expect(value(a, aId, 't3.new.total')).toMatchObject({ value: 74, status: 'verified' });
    expect(getReport(a.lib.db, idOf(a, '平潭综合实验区2019'))!.reviewStatus).toBe('verified');
    const history = fieldHistory(a.lib.db, aId);
    expect(history.filter((h) => h.key === 't3.new.natural').map((h) => [h.changedBy, h.newValue])).toEqual([
      ['甲', 70],
      ['乙', 72],
    ]);
    expect(history.some((h) => h.key === 't2.rules.valid' && h.changedBy === '乙')).toBe(true);
    // the checks were run again on the merged figures
    expect(getReport(a.lib.db, aId)!.checks.length).toBeGreaterThan(0);
    // the Chinese order takes in the new reports by this library's ranks, not the sender's
    const byAgency = (a.lib.db.prepare('SELECT id, agency FROM reports WHERE deleted_at IS NULL').all() as { id: number; agency: string | null }[]).sort(
      (x, y) => (x.agency === y.agency ? x.id - y.id : x.agency === null ? 1 : y.agency === null ? -1 : zhCollator.compare(x.agency, y.agency) || x.id - y.id),
    );
    expect(queryIds(a.lib.db, { sort: { key: 'agency', desc: false } })).toEqual(byAgency.map((r) => r.id));
    // the merged-in report is searchable
    expect(a.lib.db.prepare('SELECT count(*) FROM reports WHERE text_indexed = 0').pluck().get()).toBe(0);

    // the same bundle again changes nothing
    const after = counts(a);
    expect(await importBundle(a.lib, bundle)).toMatchObject({ added: 0, history: 0, conflicts: 0, adopted: 0, names: 0 });
    expect(counts(a)).toEqual(after);

    // through the API: the conflict is listed, and taking the incoming value records why
    const host = createApiHost({ home: a.lib.home });
    try {
      const listed = await host.dispatch('bundle:conflicts', { reportId: aId });
      expect(listed).toMatchObject({ ok: true, value: [{ key: 't3.new.natural', incomingValue: 72 }] });
      const conflictId = (listed as { value: { id: number }[] }).value[0]!.id;
      expect(await host.dispatch('bundle:resolve', { id: conflictId, take: 'incoming' })).toMatchObject({ ok: true });
      expect(value(a, aId, 't3.new.natural')).toMatchObject({ value: 72, status: 'corrected' });
      expect(fieldHistory(a.lib.db, aId).at(-1)).toMatchObject({ key: 't3.new.natural', newValue: 72, reason: expect.stringContaining('合并冲突') });
      expect(await host.dispatch('bundle:conflicts', {})).toMatchObject({ ok: true, value: [] });
      expect(await host.dispatch('bundle:resolve', { id: conflictId, take: 'local' })).toMatchObject({ ok: false, code: 'not_found' });
    } finally {
      await host.close();
    }
  });

  it('refuses bad bundles with a clear error and leaves the library intact', async () => {
    const { a, b } = await twoLibraries();
    const dir = tempDir();
    const good = path.join(dir, 'good.nianbao');
    await exportBundle(b.lib, good);
    const before = counts(a);
    const attempt = async (name: string, bytes: Buffer | string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const err = await importBundle(a.lib, file).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(BundleError);
      expect(counts(a)).toEqual(before);
      expect(fs.readdirSync(a.lib.home).filter((n) => n.startsWith('.bundle-import-'))).toEqual([]);
      return (err as BundleError).code;
    };
    const bytes = fs.readFileSync(good);
    expect(await attempt('random.nianbao', Buffer.from('这不是资料库包'.repeat(100)))).toBe('bundle_invalid');
    expect(await attempt('truncated.nianbao', bytes.subarray(0, Math.floor(bytes.length / 2)))).toBe('bundle_invalid');
    // flip a byte inside the last original
    const tampered = Buffer.from(bytes);
    const at = tampered.length - 1024 - 700;
    tampered[at] = tampered[at]! ^ 0xff;
    expect(await attempt('tampered.nianbao', tampered)).toBe('bundle_corrupt');
    expect((await attempt('empty.nianbao', Buffer.alloc(1024))).startsWith('bundle_')).toBe(true);
    // a bundle from a newer version of the app (its database past this schema)
    b.lib.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    const newer = path.join(dir, 'newer.nianbao');
    await exportBundle(b.lib, newer);
    b.lib.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    expect(await attempt('newer.nianbao', fs.readFileSync(newer))).toBe('bundle_newer');
  });

  it('carries what later migrations add by the columns and links both sides have; not the trash; saved views by name', async () => {
    const { a, b } = await twoLibraries();
    for (const t of [a, b]) laterSchema(t.lib.db);
    const bTwin = idByName(b, '木场乡年报-转载');
    const bPipe = idByName(b, '2021-pipe');
    const b2022 = idByName(b, '平潭综合实验区2022');
    const a2019 = idByName(a, '平潭综合实验区2019');
    const now = new Date().toISOString();
    // the sender's trash, and this library's (a report the bundle has too, verified there)
    b.lib.db.prepare('UPDATE reports SET deleted_at = ? WHERE id = ?').run(now, bPipe);
    a.lib.db.prepare('UPDATE reports SET deleted_at = ? WHERE id = ?').run(now, a2019);
    const view = (t: TestLibrary, name: string, query: string) => t.lib.db.prepare('INSERT INTO saved_views (name, query, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, query, now, now);
    view(a, '我的视图', '{"search":"甲"}');
    view(b, '我的视图', '{"search":"乙"}');
    view(b, '湖南省', '{"filters":{"region":"湖南省"}}');
    const tag = b.lib.db.prepare('INSERT INTO report_tags (report_id, tag) VALUES (?, ?)');
    for (const [id, text] of [[bTwin, '转载'], [b2022, '乙看过'], [bPipe, '已删']] as const) tag.run(id, text);
    const ocr = (t: TestLibrary, sha: string, words: string) =>
      t.lib.db.prepare("INSERT INTO ocr_pages (sha256, page, settings, width, height, words, confidence, ms, created_at) VALUES (?, 0, 's', 100, 100, ?, 0.9, 5, ?)").run(sha, words, now);
    ocr(b, 'f'.repeat(64), '[{"text":"乙"}]');
    ocr(b, 'e'.repeat(64), '[{"text":"乙"}]');
    ocr(a, 'e'.repeat(64), '[{"text":"甲"}]');
    // a correction and its undo on a report the bundle adds: the undo's link to the row it reverted
    const key = b.lib.db.prepare("SELECT key FROM fields WHERE report_id = ? AND typeof(value) IN ('integer', 'real') ORDER BY key LIMIT 1").pluck().get(bTwin) as string;
    changeField(b.lib.db, { reportId: bTwin, key, value: 999, status: 'corrected', by: '乙' });
    restoreField(b.lib.db, { reportId: bTwin, historyId: fieldHistory(b.lib.db, bTwin).at(-1)!.id, side: 'old', by: '乙' });

    const bundle = path.join(tempDir(), '乙.nianbao');
    await exportBundle(b.lib, bundle);
    const s = await importBundle(a.lib, bundle);
    expect(s).toMatchObject({ reports: 5, added: 1, exactDuplicates: 4, other: { saved_views: 1, report_tags: 1, ocr_pages: 1 } });
    expect(a.lib.db.prepare("SELECT count(*) FROM file_sources WHERE name LIKE '2021-pipe%'").pluck().get()).toBe(0);
    const aTwin = idByName(a, '木场乡年报-转载');
    // rows linked to reports came with the report added, not with reports already here
    expect(a.lib.db.prepare('SELECT report_id, tag FROM report_tags ORDER BY tag').raw().all()).toEqual([[aTwin, '转载']]);
    // the view of the same name here is kept; the other one is added
    expect(a.lib.db.prepare('SELECT name, query FROM saved_views ORDER BY name').raw().all()).toEqual([
      ['我的视图', '{"search":"甲"}'],
      ['湖南省', '{"filters":{"region":"湖南省"}}'],
    ]);
    // the OCR cache: pages never read here are taken over, a page read here stays as read here
    expect(a.lib.db.prepare('SELECT sha256, words FROM ocr_pages ORDER BY sha256').raw().all()).toEqual([
      ['e'.repeat(64), '[{"text":"甲"}]'],
      ['f'.repeat(64), '[{"text":"乙"}]'],
    ]);
    // every history column, and the undo points at this library's copy of the row it reverted
    const history = a.lib.db.prepare('SELECT id, new_value, action, restored_from, new_confidence FROM field_history WHERE report_id = ? AND key = ? ORDER BY id').all(aTwin, key) as {
      id: number;
      new_value: unknown;
      action: string | null;
      restored_from: number | null;
      new_confidence: number | null;
    }[];
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ new_value: 999, action: null });
    expect(history[1]).toMatchObject({ action: 'restore', restored_from: history[0]!.id });
    expect(history[1]!.new_confidence).not.toBeNull();
    // a column kept by a trigger is what the rows make it, not counted twice
    expect(a.lib.db.prepare('SELECT field_count FROM reports WHERE id = ?').pluck().get(aTwin)).toBe(a.lib.db.prepare('SELECT count(*) FROM fields WHERE report_id = ?').pluck().get(aTwin));
    // this library's trash stays the trash; what the bundle knew of the report is merged into it
    expect(a.lib.db.prepare('SELECT deleted_at IS NOT NULL AS trashed, review_status FROM reports WHERE id = ?').get(a2019)).toEqual({ trashed: 1, review_status: 'verified' });
  });

  it('has a rule for every table of the schema', () => {
    const t = library();
    const rules = Object.fromEntries(plainTables(t.lib.db).map((table) => [table, tableRule(t.lib.db, table)]));
    expect(rules).toMatchObject({ reports: 'report', fields: 'report', ocr_pages: 'copied', jobs: 'local', merge_conflicts: 'local', zh_ranks: 'local' });
    expect(Object.entries(rules).filter(([, rule]) => rule === 'unmapped')).toEqual([]);
  });
});

/** What later migrations may add: a table of rows per report, a table of its own, a column a trigger keeps, the trash. */
function laterSchema(db: Db): void {
  const has = (table: string, column: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).some((c) => c.name === column);
  db.exec(`
    CREATE TABLE IF NOT EXISTS saved_views (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, query TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE report_tags (report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE, tag TEXT NOT NULL, PRIMARY KEY (report_id, tag));
    ALTER TABLE reports ADD COLUMN field_count INTEGER NOT NULL DEFAULT 0;
    UPDATE reports SET field_count = (SELECT count(*) FROM fields f WHERE f.report_id = reports.id);
    CREATE TRIGGER field_count_insert AFTER INSERT ON fields BEGIN UPDATE reports SET field_count = field_count + 1 WHERE id = NEW.report_id; END;
  `);
  if (!has('reports', 'deleted_at')) db.exec('ALTER TABLE reports ADD COLUMN deleted_at TEXT');
}

const idByName = (t: TestLibrary, prefix: string): number =>
  t.lib.db.prepare("SELECT f.report_id FROM files f JOIN file_sources s ON s.file_id = f.id WHERE s.name LIKE ? || '%' ORDER BY f.id LIMIT 1").pluck().get(prefix) as number;

