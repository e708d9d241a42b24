// End to end: export from the UI and read the file the core wrote.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { dropFiles, appPerTest, type Session } from './support';

const app = appPerTest();
let s: Session | undefined;

describe('export from the UI', () => {
  it('writes XLSX and JSON into the library’s exports folder', async () => {
    s = await app.open();
    const seeds = fs.readdirSync(fixture('seeds')).map((name) => ({ name, bytes: fs.readFileSync(fixture('seeds', name)) }));
    await dropFiles(s.page, seeds);
    await s.page.getByTestId('summary').getByText('已导入 5').waitFor();

    await s.page.getByTestId('export-xlsx').click();
    const shown = await s.page.getByTestId('exported').getAttribute('title');
    const xlsx = /：(.+\.xlsx)$/.exec(shown!)![1]!;
    expect(xlsx.startsWith(s.harness.host.home)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.getWorksheet('报告 reports')!.rowCount).toBe(7); // two header rows + five reports

    await s.page.getByTestId('export-json').click();
    await s.page.getByTestId('exported').getByText('.json').waitFor();
    const json = /：(.+\.json)$/.exec((await s.page.getByTestId('exported').getAttribute('title'))!)![1]!;
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toMatchObject({ schema: 'nianbao/v1', reports: expect.any(Array) });
  });
});
