// The grid builder on synthetic positioned words, as a PDF text layer or OCR would give them.
import { describe, expect, it } from 'vitest';
import { normalizePositioned } from '../../../src/main/core/normalize';
import { extractFields } from '../../../src/main/core/extract';
import type { PositionedPage, Word } from '../../../src/main/core/normalize/positioned-types';

const H = 10;
/** A word at (x, y); CJK characters are H wide unless the cell squeezes them (headers). */
const word = (text: string, x: number, y: number, w = text.length * H): Word => ({ text, x, y, w, h: H });
const COLS = [300, 350, 400, 450, 500, 550, 600];

/** One 表三 row: label lines at the left (wrapped), seven values vertically centred. */
function row(labelLines: string[], values: number[], y: number): Word[] {
  const words = labelLines.map((l, i) => word(l, 40, y + i * 14));
  const mid = y + ((labelLines.length - 1) * 14) / 2;
  return [...words, ...values.map((v, i) => word(String(v), COLS[i]!, mid))];
}

function header(y: number): Word[] {
  return [
    word('申请人情况', 300, y),
    word('自然人', 300, y + 14, 30),
    word('法人或其他组织', 350, y + 14, 230),
    word('总计', 600, y + 14, 20),
    ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t, i) => word(t, COLS[i + 1]!, y + 28, 30)),
  ];
}

const page = (n: number, words: Word[]): PositionedPage => ({ page: n, width: 600, height: 800, words, source: 'text' });

describe('positioned words → grid', () => {
  const first = page(1, [
    word('某某县人民政府2021年政府信息公开工作年度报告', 60, 20),
    word('三、收到和处理政府信息公开申请情况', 40, 60),
    ...header(90),
    ...row(['一、本年新收政府信息公开申请数量'], [12, 2, 0, 0, 1, 0, 15], 140),
    ...row(['二、上年结转政府信息公开申请数量'], [1, 0, 0, 0, 0, 0, 1], 160),
    // a vertically merged label printed one character per line
    ...['三', '、', '本', '年', '度'].map((c, i) => word(c, 10, 180 + i * 12)),
    ...row(['（一）予以公开'], [8, 1, 0, 0, 1, 0, 10], 180),
    ...row(['（二）部分公开（区分处理的，只计这一', '情形，不计其他情形）'], [3, 1, 0, 0, 0, 0, 4], 200),
    word('- 1 -', 290, 780),
  ]);
  // the table goes on on the next page, under a repeated header
  const second = page(2, [...header(40), ...row(['（七）总计'], [11, 2, 0, 0, 1, 0, 14], 100), ...row(['四、结转下年度继续办理'], [2, 0, 0, 0, 0, 0, 2], 120)]);
  const doc = normalizePositioned({ pages: [first, second] }, 'pdf');

  it('rebuilds rows and columns', () => {
    expect(doc.text).toContain('一、本年新收政府信息公开申请数量 | 12 | 2 | 0 | 0 | 1 | 0 | 15');
    const t = doc.tables[0]!;
    const cell = (text: string) => t.cells.find((c) => c.text === text);
    expect(cell('15')?.col).toBe(cell('总计')?.col);
    expect(cell('12')?.col).toBe(cell('自然人')?.col);
    expect(cell('法人或其他组织')).toMatchObject({ col: cell('2')!.col, colSpan: 5 });
    expect(doc.text).not.toContain('- 1 -');
  });

  it('feeds the extractor across wrapped labels, merged labels and the page break', () => {
    const fields = new Map(extractFields(doc, 'sha').fields.map((f) => [f.key, f]));
    const v = (k: string) => fields.get(k)?.value ?? null;
    expect([v('t3.new.natural'), v('t3.new.total'), v('t3.carried_over.total')]).toEqual([12, 15, 1]);
    expect([v('t3.granted.natural'), v('t3.granted.total')]).toEqual([8, 10]);
    expect([v('t3.partial.natural'), v('t3.partial.total')]).toEqual([3, 4]);
    expect([v('t3.total.natural'), v('t3.total.total'), v('t3.carried_forward.total')]).toEqual([11, 14, 2]);
    // provenance: page and box of the cell
    expect(fields.get('t3.total.total')?.source).toMatchObject({ page: 2, box: [COLS[6], 100, 20, 10] });
    expect(fields.get('t3.new.natural')?.source).toMatchObject({ page: 1, box: [COLS[0], 140, 20, 10] });
  });
});
