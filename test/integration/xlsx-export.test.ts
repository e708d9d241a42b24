// XLSX export read back with exceljs: header rows, numbers as numbers, provenance and checks.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { writeXlsxExport } from '../../src/main/core/export/xlsx';
import { changeField } from '../../src/main/core/store/corrections';
import { fixture, tempDir } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';

let t: TestLibrary;
afterEach(() => t?.lib.close());

describe('XLSX export', () => {
  it('writes the wide, provenance and checks sheets', async () => {
    t = testLibrary();
    await t.import([fixture('seeds'), fixture('real')]);
    const legacy = t.exported().find((r) => r.files[0]!.name.startsWith('003_'))!;
    changeField(t.lib.db, { reportId: legacy.id, key: 'legacy.apply.in_person', value: 2, status: 'corrected', by: 'tester' });
    const file = path.join(tempDir(), 'library.xlsx');
    expect(await writeXlsxExport(t.lib.db, file)).toBe(9);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const wide = book.getWorksheet('报告 reports')!;
    const keys = (wide.getRow(1).values as unknown[]).slice(1);
    const labels = (wide.getRow(2).values as unknown[]).slice(1);
    expect(keys.slice(0, 4)).toEqual(['report_id', 'files', 'duplicate_of', 'failed_checks']);
    const col = (key: string) => keys.indexOf(key) + 1;
    expect(labels[col('t2.fees.amount') - 1]).toBe('行政事业性收费·本年收费金额');
    const rowOf = (name: string) => {
      for (let r = 3; r <= wide.rowCount; r++) if (String(wide.getRow(r).getCell(2).value).startsWith(name)) return wide.getRow(r);
      throw new Error(name);
    };
    const y2022 = rowOf('平潭综合实验区2022');
    expect(y2022.getCell(col('t2.fees.amount')).value).toBe(9116.36);
    expect(y2022.getCell(col('t2.fees.amount')).numFmt).toBe('0.00');
    expect(y2022.getCell(col('t3.new.total')).value).toBe(74);
    expect(rowOf('003_').getCell(col('legacy.apply.in_person')).value).toBe(2);
    expect(rowOf('003_').getCell(col('failed_checks')).value).toBe(1);

    const provenance = book.getWorksheet('来源 provenance')!;
    expect((provenance.getRow(1).values as unknown[]).slice(1)).toEqual(['report_id', 'key', 'value', 'status', 'confidence', 'original_text', 'page', 'span', 'changed_by', 'changed_at']);
    const corrected: unknown[][] = [];
    provenance.eachRow((row) => {
      if (row.getCell(4).value === 'corrected') corrected.push((row.values as unknown[]).slice(1));
    });
    // the corrected figure, who corrected it and when (the field's last history row); others have none
    const at = t.lib.db.prepare('SELECT changed_at FROM field_history WHERE report_id = ? ORDER BY id DESC LIMIT 1').pluck().get(legacy.id);
    expect(corrected).toHaveLength(1);
    expect(corrected[0]).toEqual(expect.arrayContaining([legacy.id, 'legacy.apply.in_person', 2, 'corrected', 'tester', at]));
    let changed = 0;
    provenance.eachRow((row, i) => i > 1 && row.getCell(9).value && changed++);
    expect(changed).toBe(1);
    const checks = book.getWorksheet('校验 checks')!;
    const rules: unknown[] = [];
    checks.eachRow((row, i) => i > 1 && rules.push(row.getCell(2).value));
    expect(rules).toEqual(expect.arrayContaining(['legacy.apply_channels', 'prose.table_agree']));
  });
});
