import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../src/main/core/office/docx';
import { normalizeBlocks } from '../../../src/main/core/normalize';
import { extractFields } from '../../../src/main/core/extract';
import { fixture } from '../../support/tmp';

const docx = () => fs.readFileSync(fixture('office', 'report.docx'));

describe('DOCX', () => {
  it('reads paragraphs in order and tables with merged cells', () => {
    const blocks = readDocx(docx());
    expect(blocks[0]?.text).toBe('临城县卫生健康局2022年政府信息公开工作年度报告');
    const cells = blocks.flatMap((b) => b.cells ?? []);
    const cell = (text: string) => cells.find((c) => c.text === text);
    expect(cell('法人或其他组织')).toMatchObject({ col: 4, colSpan: 5, row: 0 });
    expect(cell('自然人')).toMatchObject({ col: 3, rowSpan: 2 });
    expect(cell('三、本年度办理结果')).toMatchObject({ col: 0, rowSpan: 4 });
    expect(cell('（三）不予公开')).toMatchObject({ col: 1, rowSpan: 2 });
    expect(cell('2.其他法律行政法规禁止公开')).toMatchObject({ col: 2 });
  });

  it('feeds the extractor', () => {
    const doc = normalizeBlocks(readDocx(docx()), 'docx');
    const v = new Map(extractFields(doc, 'x').fields.map((f) => [f.key, f.value]));
    expect([v.get('meta.agency'), v.get('meta.year'), v.get('meta.published_at')]).toEqual(['临城县卫生健康局', 2022, '2023-01-18']);
    expect([v.get('t3.new.natural'), v.get('t3.new.total'), v.get('t3.denied_law.total'), v.get('t3.total.total'), v.get('t3.carried_forward.total')]).toEqual([9, 10, 1, 8, 2]);
    expect([v.get('n.active_total'), v.get('n.apply_received')]).toEqual([128, 10]);
  });

  it('rejects a broken file with a reason', () => {
    expect(() => readDocx(fs.readFileSync(fixture('office', 'truncated.docx')))).toThrow(/损坏/);
  });
});
