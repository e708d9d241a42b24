// Export options read back: a selection of reports, only checked figures, per-table sheets in
// the official layout for a single report, the originals zip with its manifest.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { runExport } from '../../src/main/core/export';
import { changeField, verifyReport } from '../../src/main/core/store/corrections';
import { moveToTrash } from '../../src/main/core/store/trash';
import { compliance, groupStats } from '../../src/main/core/analysis';
import { fixture, tempDir } from '../support/tmp';
import { parseCsv } from '../support/csv';
import { REAL_2022 } from '../support/derived';
import { testLibrary, writeFiles, type TestLibrary } from '../support/library';

let t: TestLibrary;
afterEach(() => t?.lib.close());

async function library(): Promise<{ byName: (prefix: string) => number }> {
  t = testLibrary();
  const real2022 = fs.readFileSync(fixture('real', REAL_2022));
  await t.import([fixture('seeds'), fixture('real'), writeFiles({ '副本/同一份报告.txt': real2022 })]);
  const byName = (prefix: string) => t.exported().find((r) => r.files.some((f) => f.name.startsWith(prefix)))!.id;
  return { byName };
}

describe('export options', () => {
  it('writes one report’s tables in the official layout with merged headings', async () => {
    const { byName } = await library();
    const id = byName('平潭综合实验区2022');
    changeField(t.lib.db, { reportId: id, key: 't3.granted.natural', value: 22, status: 'corrected', by: 'tester' });
    const file = path.join(tempDir(), 'one.xlsx');
    expect((await runExport(t.lib, 'xlsx', file, { ids: [id] })).reports).toBe(1);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(['报告 reports', '来源 provenance', '校验 checks', '表二 主动公开', '表三 依申请', '表四 复议诉讼', '统计表 figures']);

    const t3 = book.getWorksheet('表三 依申请')!;
    const merges = (t3.model as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:C3', 'D1:J1', 'D2:D3', 'E2:I2', 'J2:J3']));
    expect(t3.getCell('D1').value).toBe('申请人情况');
    expect(t3.getCell('E3').value).toBe('商业企业');
    // 25 items of the 2021 layout under three heading rows
    expect(t3.rowCount).toBe(3 + 25);
    const rowOf = (label: string) => {
      for (let r = 4; r <= t3.rowCount; r++) for (const c of [1, 2, 3]) if (String(t3.getRow(r).getCell(c).value ?? '').includes(label)) return t3.getRow(r);
      throw new Error(label);
    };
    expect(rowOf('一、本年新收').getCell(4).value).toBe(71);
    expect(rowOf('一、本年新收').getCell(10).value).toBe(74);
    expect(rowOf('（一）予以公开').getCell(4).value).toBe(22); // the correction
    expect(rowOf('1.属于国家秘密').getCell(2).value).toBe('（三）不予公开');
    expect(rowOf('3.其他').getCell(5).value).toBe(2);
    expect(t3.getCell('A6').value).toBe('三、本年度办理结果');
    expect(merges).toEqual(expect.arrayContaining(['A6:A27', 'B8:B15']));

    const t4 = book.getWorksheet('表四 复议诉讼')!;
    expect((t4.model as { merges: string[] }).merges).toEqual(expect.arrayContaining(['A1:E1', 'F1:O1', 'F2:J2', 'K2:O2', 'A2:A3']));
    expect((t4.getRow(4).values as unknown[]).slice(1)).toEqual([0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);

    const t2 = book.getWorksheet('表二 主动公开')!;
    const fees = t2.getRow(t2.rowCount);
    expect(fees.getCell(1).value).toBe('行政事业性收费');
    expect(fees.getCell(2).value).toBe(9116.36);
    expect(fees.getCell(2).numFmt).toBe('0.00');
    expect(t2.getCell('A1').value).toBe('第二十条第（一）项');
    expect((t2.model as { merges: string[] }).merges).toEqual(expect.arrayContaining(['A1:D1']));
  });

  it('selects by year and keeps only checked figures', async () => {
    const { byName } = await library();
    const verified = byName('平潭综合实验区2019');
    verifyReport(t.lib.db, verified, '核对原表');
    const corrected = byName('平潭综合实验区2022');
    changeField(t.lib.db, { reportId: corrected, key: 't3.new.natural', value: 70, status: 'corrected', by: 'tester' });
    const file = path.join(tempDir(), 'wide.csv');
    const result = await runExport(t.lib, 'csv-wide', file, { years: [2019, 2022], verifiedOnly: true });
    const rows = parseCsv(fs.readFileSync(file, 'utf8').slice(1));
    const col = (key: string) => rows[0]!.indexOf(key);
    const body = rows.slice(2);
    expect(result.reports).toBe(body.length);
    expect(body.map((r) => r[col('meta.year')]).sort()).toEqual(['2019', '2022']);
    const row = (id: number) => body.find((r) => r[0] === String(id))!;
    // a corrected figure stays, the rest of that report is left out; metadata always stays
    expect(row(corrected)[col('t3.new.natural')]).toBe('70');
    expect(row(corrected)[col('t3.new.total')]).toBe('');
    expect(row(corrected)[col('meta.agency')]).not.toBe('');
    // a report verified as a whole keeps every figure
    expect(row(verified)[col('t3.new.total')]).not.toBe('');

    const json = path.join(tempDir(), 'sel.json');
    await runExport(t.lib, 'json', json, { layouts: ['legacy'] });
    const layouts = (JSON.parse(fs.readFileSync(json, 'utf8')) as { reports: { fields: Record<string, { value: unknown }> }[] }).reports.map((r) => r.fields['meta.format']?.value);
    expect(layouts.length).toBeGreaterThan(0);
    expect(new Set(layouts)).toEqual(new Set(['legacy']));
  });

  it('zips the originals with a manifest of every name they arrived under', async () => {
    const { byName } = await library();
    const id = byName('平潭综合实验区2022');
    const other = byName('000_');
    const file = path.join(tempDir(), 'sel.json');
    const result = await runExport(t.lib, 'json', file, { ids: [id, other], includeOriginals: true });
    expect(result.originals).toEqual({ path: file.replace(/\.json$/, '-originals.zip'), files: 2 });
    const zip = unzipSync(fs.readFileSync(result.originals!.path));
    const manifest = JSON.parse(strFromU8(zip['manifest.json']!)) as { files: { path: string; sha256: string; report_id: number; names: string[] }[] };
    expect(manifest.files).toHaveLength(2);
    const entry = manifest.files.find((f) => f.report_id === id)!;
    expect(entry.names.sort()).toEqual([REAL_2022, '同一份报告.txt'].sort());
    const bytes = zip[entry.path]!;
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
    expect(Buffer.from(bytes).equals(fs.readFileSync(fixture('real', REAL_2022)))).toBe(true);
    expect(Buffer.from(zip['manifest.csv']!).toString('utf8').startsWith('\ufeffpath,sha256')).toBe(true);
  });

  it('leaves reports in the trash out of every export, the originals zip and the analysis', async () => {
    const { byName } = await library();
    const kept = byName('平潭综合实验区2022');
    const trashed = byName('平潭综合实验区2019');
    const counted = () => groupStats(t.lib.db, 'year').reduce((n, g) => n + g.reports, 0);
    const before = counted();
    expect(moveToTrash(t.lib.db, [trashed])).toBe(1);
    expect(counted()).toBe(before - 1);
    expect(compliance(t.lib.db).map((r) => r.reportId)).not.toContain(trashed);
    const file = path.join(tempDir(), 'sel.csv');
    // asked for by id, too
    const result = await runExport(t.lib, 'csv', file, { ids: [kept, trashed], includeOriginals: true });
    expect(result).toMatchObject({ reports: 1, originals: { files: 1 } });
    expect(new Set(parseCsv(fs.readFileSync(file, 'utf8').slice(1)).slice(1).map((r) => r[0]))).toEqual(new Set([String(kept)]));
    const all = path.join(tempDir(), 'all.json');
    await runExport(t.lib, 'json', all);
    const ids = (JSON.parse(fs.readFileSync(all, 'utf8')) as { reports: { id: number }[] }).reports.map((r) => r.id);
    expect(ids).toContain(kept);
    expect(ids).not.toContain(trashed);
  });
});
