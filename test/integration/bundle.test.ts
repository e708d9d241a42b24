// Two archivists' libraries merged through a bundle: no duplicates, corrections and history of
// both sides kept, a conflict kept and listed; bad bundles refused with the library unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BundleError, exportBundle, importBundle } from '../../src/main/core/bundle';
import { listConflicts } from '../../src/main/core/store/bundle';
import { changeField, fieldHistory, verifyReport } from '../../src/main/core/store/corrections';
import { getReport } from '../../src/main/core/store/reports';
import { createApiHost } from '../../src/main/core/api/host';
import { fixture, tempDir } from '../support/tmp';
import { testLibrary, writeFiles, type TestLibrary } from '../support/library';

const open: TestLibrary[] = [];
afterEach(() => open.splice(0).forEach((t) => t.lib.close()));
const library = (): TestLibrary => {
  const t = testLibrary();
  open.push(t);
  return t;
};

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
  });
});
