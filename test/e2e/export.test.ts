// End to end: export from the UI dialog with options and read the files the core wrote.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { insertCopies } from '../support/copies';
import { openLibrary } from '../../src/main/core/store/library';
import { dropFiles, appPerTest, SCREENSHOTS, type Session } from './support';

const app = appPerTest();
let s: Session | undefined;

const exportedFile = async (page: Session['page'], ext: string): Promise<string> => {
  await page.getByTestId('exported').getByText(`.${ext}`).first().waitFor();
  const shown = (await page.getByTestId('exported').getAttribute('title'))!;
  return new RegExp(`：(\\S+\\.${ext})`).exec(shown)![1]!;
};

describe('export from the UI', () => {
  it('exports with the dialog’s options into the library’s exports folder', async () => {
    s = await app.open();
    const seeds = fs.readdirSync(fixture('seeds')).map((name) => ({ name, bytes: fs.readFileSync(fixture('seeds', name)) }));
    await dropFiles(s.page, seeds);
    await s.page.getByTestId('summary').getByText('已导入 5').waitFor();

    await s.page.getByTestId('export-open').click();
    await s.page.getByTestId('export-layout-legacy').check();
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'export-dialog.png') });
    await s.page.getByTestId('export-run').click();
    const xlsx = await exportedFile(s.page, 'xlsx');
    expect(xlsx.startsWith(s.harness.host.home)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const wide = book.getWorksheet('报告 reports')!;
    const formatCol = (wide.getRow(1).values as unknown[]).indexOf('meta.format');
    const layouts = [];
    for (let r = 3; r <= wide.rowCount; r++) layouts.push(wide.getRow(r).getCell(formatCol).value);
    expect(layouts.length).toBeGreaterThan(0);
    expect(layouts.length).toBeLessThan(5);
    expect(new Set(layouts)).toEqual(new Set(['legacy']));

    await s.page.getByTestId('export-open').click();
    await s.page.getByTestId('export-format-json').check();
    await s.page.getByTestId('export-originals').check();
    await s.page.getByTestId('export-run').click();
    const json = await exportedFile(s.page, 'json');
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toMatchObject({ schema: 'nianbao/v1', reports: expect.any(Array) });
    const zip = unzipSync(fs.readFileSync(json.replace(/\.json$/, '-originals.zip')));
    expect(Object.keys(zip).filter((n) => n.startsWith('originals/'))).toHaveLength(5);
    expect(s.problems).toEqual([]);
  });

  it('shows the export’s progress and stops it, leaving no file', async () => {
    s = await app.open();
    // many reports, stored beside the running app through a connection of its own
    const lib = openLibrary({ home: s.harness.host.home });
    await insertCopies(lib.db, 600);
    lib.close();
    await s.page.getByTestId('export-open').click();
    await s.page.getByTestId('export-run').click();
    await s.page.getByTestId('export-progress').getByText(/已导出 \d+ \/ 600 份报告/).waitFor();
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'export-progress.png') });
    await s.page.getByTestId('export-stop').click();
    await s.page.getByTestId('export-stopped').waitFor();
    const exports = path.join(s.harness.host.home, 'exports');
    expect(fs.existsSync(exports) ? fs.readdirSync(exports) : []).toEqual([]);
    // the dialog stays, with its options, for another try
    await s.page.getByTestId('export-run').waitFor();
    expect(s.problems).toEqual([]);
  });
});
