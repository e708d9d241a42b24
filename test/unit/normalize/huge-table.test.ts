// A page holding a table of hundreds of thousands of rows (the 20 MB page an e2e import once
// spent minutes on): only its first rows are built and read, everything around it still is.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/main/core/normalize';
import { MAX_TABLE_ROWS } from '../../../src/main/core/normalize/html';

const row = (i: number) => `<tr><td>行政许可${i}</td><td>${i}</td><td>3</td></tr>\n`;

describe('a web page with a huge table', () => {
  it('reads the first MAX_TABLE_ROWS rows of each table, and the tables and text after it', () => {
    const huge = Array.from({ length: 50_000 }, (_, i) => row(i)).join('');
    // a nested table inside a dropped row, then a small table and a paragraph after the big one
    const html = `<html><head><meta charset="utf-8"><title>大文件</title></head><body>
      <h1>某某县人民政府2020年政府信息公开工作年度报告</h1>
      <table>${huge}<tr><td><table><tr><td>嵌套</td></tr></table></td></tr></table>
      <table><tr><td>收到申请数</td><td>7</td></tr><tr><td>办结</td><td>6</td></tr></table>
      <p>最后一段文字</p></body></html>`;
    expect(Buffer.byteLength(html)).toBeGreaterThan(2 * 2 ** 20);
    const doc = normalize(new TextEncoder().encode(html), 'big.html');
    const [big, small] = doc.tables;
    expect(doc.tables).toHaveLength(2);
    expect(big!.rows).toBe(MAX_TABLE_ROWS);
    expect(doc.text).toContain(`行政许可${MAX_TABLE_ROWS - 1}`);
    expect(doc.text).not.toContain(`行政许可${MAX_TABLE_ROWS}\t`);
    expect(doc.text).not.toContain('嵌套');
    expect(small!.cells.map((c) => c.text)).toEqual(['收到申请数', '7', '办结', '6']);
    expect(doc.text).toContain('最后一段文字');
  });
});
