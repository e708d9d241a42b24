// CSV exports read back: BOM, CRLF, labels, numbers, formula injection neutralised.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/main/core/export/csv';
import { writeLineExport } from '../../src/main/core/export/line-exports';
import { changeField } from '../../src/main/core/store/corrections';
import { built } from '../support/built';
import { fixture, tempDir } from '../support/tmp';
import { testLibrary, writeFiles, type TestLibrary } from '../support/library';
import { parseCsv } from '../support/csv';

let t: TestLibrary;
afterEach(() => t?.lib.close());

describe('CSV export', () => {
  it('writes long and wide CSV that Excel reads as UTF-8', async () => {
    t = testLibrary();
    await t.import([fixture('seeds'), writeFiles({ 'evil.txt': '=HYPERLINK("http://x")2019年政府信息公开工作年度报告\n主动公开政府信息12条。' })]);
    const dir = tempDir();
    await writeLineExport(t.lib.db, path.join(dir, 'long.csv'), 'csv');
    await writeLineExport(t.lib.db, path.join(dir, 'wide.csv'), 'csv-wide');
    const long = fs.readFileSync(path.join(dir, 'long.csv'), 'utf8');
    expect(long.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(long.slice(1));
    // CRLF row ends; line breaks inside cells are quoted, so every row has all its cells
    expect(rows.every((r) => r.length === 9)).toBe(true);
    expect(rows[0]).toEqual(['report_id', 'files', 'key', 'label', 'value', 'unit', 'status', 'confidence', 'original_text']);
    const seed3 = rows.filter((r) => r[1] === '003_0b4c895e08e04692.txt');
    expect(seed3.find((r) => r[2] === 'legacy.active.total')).toMatchObject({ 3: '主动公开政府信息数', 4: '128', 6: 'auto' });
    // nothing starts a formula
    for (const r of rows) for (const c of r) expect(c).not.toMatch(/^[=+\-@]/);
    expect(rows.some((r) => r[4]?.startsWith("'=HYPERLINK"))).toBe(true);

    const wide = parseCsv(fs.readFileSync(path.join(dir, 'wide.csv'), 'utf8').slice(1));
    expect(wide[0]!.slice(0, 4)).toEqual(['report_id', 'files', 'duplicate_of', 'failed_checks']);
    expect(wide[1]![0]).toBe('报告编号');
    const col = wide[0]!.indexOf('meta.year');
    expect(wide[1]![col]).toBe('报告年度');
    expect(wide.slice(2).map((r) => r[col]).sort()).toEqual(['2015', '2017', '2018', '2018', '2019', '2023']);
  });

  it('writes the same bytes on worker threads, a batch at a time in order (CSV and JSON)', async () => {
    t = testLibrary();
    await t.import([fixture('seeds'), fixture('real')]);
    // a report with figures (which report is first depends on which file the import finished first)
    const first = t.exported().find((r) => Object.keys(r.fields).some((k) => !k.startsWith('meta.')))!;
    changeField(t.lib.db, { reportId: first.id, key: Object.keys(first.fields).find((k) => !k.startsWith('meta.'))!, value: 7, status: 'corrected', by: 'tester' });
    const dir = tempDir();
    const runner = { workerScript: built('node/workers/export.js'), dbPath: t.lib.dbPath, batchReports: 2 };
    for (const format of ['csv', 'csv-wide', 'json'] as const) {
      for (const options of [{}, { verifiedOnly: true }]) {
        const here = path.join(dir, `${format}-here`);
        const there = path.join(dir, `${format}-workers`);
        const n = await writeLineExport(t.lib.db, here, format, options);
        expect(await writeLineExport(t.lib.db, there, format, options, runner)).toBe(n);
        expect(n).toBe(9);
        // the JSON's export time aside
        const read = (f: string) => fs.readFileSync(f, 'utf8').replace(/"exported_at":"[^"]+"/, '');
        expect(read(there)).toBe(read(here));
      }
    }
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'json-workers'), 'utf8')) as { reports: unknown[] }).reports).toHaveLength(9);
    // a worker that cannot read the library: an error, and no file left behind
    const broken = path.join(dir, 'broken.csv');
    await expect(writeLineExport(t.lib.db, broken, 'csv', {}, { ...runner, dbPath: path.join(dir, 'missing.sqlite') })).rejects.toThrow(/导出线程出错/);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('broken'))).toEqual([]);
  });

  it('quotes and neutralises cells', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell(-185)).toBe('-185');
    expect(csvCell(null)).toBe('');
  });
});
