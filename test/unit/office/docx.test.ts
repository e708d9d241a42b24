import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../src/main/core/office/docx';
import { normalizeBlocks } from '../../../src/main/core/normalize';
import { extractFields } from '../../../src/main/core/extract';
import { fixture } from '../../support/tmp';
import { expectForm3Merges } from '../../support/office-table';

const docx = () => fs.readFileSync(fixture('office', 'report.docx'));

describe('DOCX', () => {
  it('reads paragraphs in order and tables with merged cells', () => {
    const blocks = readDocx(docx());
    expect(blocks[0]?.text).toBe('临城县卫生健康局2022年政府信息公开工作年度报告');
    expectForm3Merges(blocks);
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
