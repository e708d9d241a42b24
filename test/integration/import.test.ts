// Import real files through the real pipeline into a real library, then read them back.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { testLibrary, writeFiles, type TestLibrary } from '../support/library';
import { inlineExecutor, type Executor } from '../../src/main/core/import/executor';
import { countReports } from '../../src/main/core/store/reports';

const SEEDS = fixture('seeds');
const seedFiles = (): string[] => fs.readdirSync(SEEDS).map((f) => path.join(SEEDS, f));
const seedText = (prefix: string): string => fs.readFileSync(seedFiles().find((f) => path.basename(f).startsWith(prefix))!, 'utf8');
const truth = JSON.parse(fs.readFileSync(fixture('truth', 'seeds.json'), 'utf8')) as { documents: { file: string; fields: Record<string, unknown> }[] };

let t: TestLibrary;
afterEach(() => t?.lib.close());

describe('import of the seeds', () => {
  it('imports all five seeds with their metadata and provenance', async () => {
    t = testLibrary();
    const summary = await t.import([SEEDS]);
    expect(summary).toMatchObject({ imported: 5, failed: 0, duplicates: 0, skipped: 0, cancelled: false });
    const reports = t.exported();
    expect(reports).toHaveLength(5);
    for (const doc of truth.documents) {
      const r = reports.find((x) => x.files.some((f) => f.name === doc.file))!;
      expect(r, doc.file).toBeDefined();
      for (const key of ['meta.year', 'meta.agency', 'meta.doc_kind']) {
        expect(r.fields[key]?.value ?? null, `${doc.file} ${key}`).toEqual(doc.fields[key] ?? null);
      }
      for (const f of Object.values(r.fields)) expect(f.source.sha256).toBe(r.files[0]!.sha256);
    }
  });

  it('stores originals in the content-addressed store and the text per page', async () => {
    t = testLibrary();
    await t.import([SEEDS]);
    for (const r of t.exported()) {
      const blob = path.join(t.lib.home, 'blobs', r.files[0]!.sha256.slice(0, 2), r.files[0]!.sha256);
      expect(fs.existsSync(blob)).toBe(true);
    }
    const pages = t.lib.db.prepare('SELECT count(*) FROM pages WHERE length(text) > 100').pluck().get();
    expect(pages).toBe(5);
  });

  it('adds nothing when the same files are imported again, but remembers every name', async () => {
    t = testLibrary();
    await t.import([SEEDS]);
    const again = await t.import([SEEDS]);
    expect(again).toMatchObject({ imported: 0, duplicates: 5 });
    const copy = writeFiles({ '另存为/副本.txt': seedText('002') });
    const third = await t.import([copy]);
    expect(third.outcomes[0]).toMatchObject({ status: 'duplicate', name: '副本.txt' });
    expect(countReports(t.lib.db)).toBe(5);
    const r = t.exported().find((x) => x.files.some((f) => f.name === '副本.txt'))!;
    expect(r.files.map((f) => f.name).sort()).toEqual(['002_08ac4c748e848bbc.txt', '副本.txt']);
  });

  it('links a near duplicate (same report, other page chrome) to its twin', async () => {
    t = testLibrary();
    await t.import([SEEDS]);
    const body = seedText('000')
      .split('\n')
      .map((l) => `<p>${l}</p>`)
      .join('\n');
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>年报</title></head><body><div class="nav">首页 &gt; 政务公开</div>${body}<div>【打印】【关闭】</div></body></html>`;
    const dir = writeFiles({ 'same-report.html': html });
    const s = await t.import([dir]);
    const twin = t.exported().find((r) => r.files.some((f) => f.name.startsWith('000_')))!;
    expect(s.outcomes[0]).toMatchObject({ status: 'imported', duplicateOf: twin.id });
    expect(t.exported().find((r) => r.id === s.outcomes[0]!.reportId)!.duplicate_of).toBe(twin.id);
  });
});

describe('bad input', () => {
  it('fails per file with a specific reason and imports the rest', async () => {
    t = testLibrary();
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(200).fill(0)]);
    const dir = writeFiles({ 'empty.txt': '', 'image.txt': png, 'sheet.xls': 'PK', 'ok.txt': seedText('004') });
    const s = await t.import([dir]);
    const by = Object.fromEntries(s.outcomes.map((o) => [o.name, o]));
    expect(by['empty.txt']).toMatchObject({ status: 'failed', code: 'empty', message: expect.stringContaining('文件为空') });
    // the bytes say PNG, whatever the name: read as an image, found broken
    expect(by['image.txt']).toMatchObject({ status: 'failed', code: 'not_text', message: expect.stringContaining('图片已损坏') });
    expect(by['sheet.xls']).toMatchObject({ status: 'skipped', code: 'unsupported', message: expect.stringContaining('.xls') });
    expect(by['ok.txt']).toMatchObject({ status: 'imported' });
    const stored = t.lib.db.prepare('SELECT status, count(*) AS n FROM job_outcomes GROUP BY status ORDER BY status').all();
    expect(stored).toEqual([
      { status: 'failed', n: 2 },
      { status: 'imported', n: 1 },
      { status: 'skipped', n: 1 },
    ]);
  });

  it('never leaves a half-written report when storing fails', async () => {
    t = testLibrary();
    const inline = inlineExecutor();
    // a pipeline result the schema rejects (bad status) must roll back the whole document
    const corrupting: Executor = {
      ...inline,
      run: async (input) => {
        const r = await inline.run(input);
        if (r.ok && input.name === 'bad.txt') r.value.fields.push({ ...r.value.fields[0]!, key: 'meta.x', status: 'bogus' as never });
        return r;
      },
    };
    const dir = writeFiles({ 'bad.txt': seedText('000'), 'good.txt': seedText('003') });
    const s = await t.import([dir], corrupting);
    expect(s.outcomes.find((o) => o.name === 'bad.txt')).toMatchObject({ status: 'failed', code: 'internal' });
    expect(countReports(t.lib.db)).toBe(1);
    expect(t.lib.db.prepare('SELECT count(*) FROM files').pluck().get()).toBe(1);
    expect(t.lib.db.prepare('SELECT count(*) FROM pages').pluck().get()).toBe(1);
  });

  it('imports a 20 MB web page', async () => {
    t = testLibrary();
    const row = '<tr><td>行政许可</td><td>12</td><td>3</td><td>0</td></tr>\n';
    const html = `<html><head><meta charset="utf-8"><title>大文件</title></head><body><h1>某某县人民政府2020年政府信息公开工作年度报告</h1><table>${row.repeat(Math.ceil((20 * 2 ** 20) / Buffer.byteLength(row)))}</table></body></html>`;
    const s = await t.import([writeFiles({ 'big.html': html })]);
    expect(s.outcomes[0]).toMatchObject({ status: 'imported' });
  });
});

describe('cancel', () => {
  it('stops a long import and records it as cancelled', async () => {
    t = testLibrary();
    const files = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`r${i}.txt`, `${seedText('004')}\n编号 ${i} ${'x'.repeat(i)}`]));
    const abort = new AbortController();
    const inline = inlineExecutor();
    let seen = 0;
    const slow: Executor = { ...inline, run: async (input) => (++seen === 20 && abort.abort(), inline.run(input)) };
    const s = await t.import([writeFiles(files)], slow, abort.signal);
    expect(s.cancelled).toBe(true);
    expect(s.outcomes.length).toBeLessThan(200);
    expect(t.lib.db.prepare('SELECT status FROM jobs WHERE id = ?').pluck().get(s.jobId)).toBe('cancelled');
  });
});

describe('file fixtures', () => {
  it('imports every encoding and shape, links twins, fails the bad ones', async () => {
    t = testLibrary();
    const s = await t.import([fixture('files')]);
    const by = Object.fromEntries(s.outcomes.map((o) => [o.name, o]));
    expect(by['empty.txt']).toMatchObject({ status: 'failed', code: 'empty' });
    // a PNG header claiming 117 million pixels a side: refused before decoding
    expect(by['image-named.txt']).toMatchObject({ status: 'failed', code: 'too_large' });
    expect(by['make.mjs']).toMatchObject({ status: 'skipped', code: 'unsupported' });
    // twins point at the first of them stored (files are processed concurrently)
    const root = (name: string): number => by[name]!.duplicateOf ?? by[name]!.reportId!;
    // the same page as GBK with and without <meta charset>, and as MHT
    expect(new Set(['gbk-table.htm', 'gbk-nometa.htm', 'report.mht'].map(root)).size).toBe(1);
    expect(['gbk-table.htm', 'gbk-nometa.htm', 'report.mht'].filter((n) => by[n]!.duplicateOf)).toHaveLength(2);
    // seed 000 as UTF-16 text and as a web page with other chrome
    expect(root('near-duplicate-000.html')).toBe(root('utf16le-nobom.txt'));
    expect(by['utf8-bom.txt']!.duplicateOf).toBeUndefined();

    const report = t.exported().find((r) => r.id === by['gbk-table.htm']!.reportId)!;
    const value = (k: string) => report.fields[k]?.value ?? null;
    expect(value('meta.agency')).toBe('平江县人民政府');
    expect(value('meta.year')).toBe(2021);
    expect(value('meta.published_at')).toBe('2022-01-20');
    expect(value('meta.index_number')).toBe('430626/2022-00012');
    expect([value('t3.new.natural'), value('t3.new.commercial'), value('t3.new.legal'), value('t3.new.total')]).toEqual([12, 2, 1, 15]);
    expect([value('t3.partial.natural'), value('t3.partial.total')]).toEqual([3, 4]);
  });
});
