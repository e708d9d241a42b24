import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDoc } from '../../../src/main/core/office/doc';
import { normalizeBlocks } from '../../../src/main/core/normalize';
import { extractFields } from '../../../src/main/core/extract';
import { fixture } from '../../support/tmp';

describe('Word 97–2003 (.doc)', () => {
  it('reads the body and its table for the extractor', async () => {
    const blocks = await readDoc(fs.readFileSync(fixture('office', 'report.doc')), 'report.doc');
    expect(blocks[0]?.text).toBe('临城县卫生健康局2022年政府信息公开工作年度报告');
    const fields = extractFields(normalizeBlocks(blocks, 'doc'), 'x').fields;
    const v = new Map(fields.map((f) => [f.key, f]));
    expect(['t3.new.natural', 't3.new.total', 't3.denied_law.total', 't3.total.total', 't3.carried_forward.total'].map((k) => v.get(k)?.value)).toEqual([9, 10, 1, 8, 2]);
    expect(v.get('t3.new.total')?.confidence).toBe(1);
  });

  it('explains a .wps it cannot read', async () => {
    await expect(readDoc(Buffer.from('not a word file at all'), 'report.wps')).rejects.toThrow(/另存为 DOCX/);
    await expect(readDoc(Buffer.from('not a word file at all'), 'report.doc')).rejects.toThrow(/Word 文件已损坏/);
  });
});
