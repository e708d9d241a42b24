// RTF: as Word writes Chinese (GBK bytes in a GB2312 font, merges as wide cells and \clvmgf /
// \clvmrg) and as LibreOffice saves the DOCX fixture (\uN characters), read for the extractor;
// an RTF saved under a Word name is read as what it is.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRtf } from '../../../src/main/core/office/rtf';
import { normalizeBlocks } from '../../../src/main/core/normalize';
import { extractFields } from '../../../src/main/core/extract';
import { processFile } from '../../../src/main/core/pipeline';
import { fixture } from '../../support/tmp';
import { expectForm3Merges } from '../../support/office-table';

const rtf = (name: string) => fs.readFileSync(fixture('office', name));
const FIGURES = ['t3.new.natural', 't3.new.total', 't3.denied_law.total', 't3.total.total', 't3.carried_forward.total'];

describe('RTF', () => {
  it('reads Word-style GBK text and a table with merged cells on its grid', () => {
    const blocks = readRtf(rtf('report-gbk.rtf'));
    expect(blocks[0]?.text).toBe('临城县卫生健康局2022年政府信息公开工作年度报告');
    // the title in the document's metadata and the font names are not text
    expect(blocks.map((b) => b.text).join('\n')).not.toMatch(/宋体|年度报告\n临城/);
    expectForm3Merges(blocks);
    expect(blocks.at(-1)?.text).toBe('2023年1月18日');
  });

  it('feeds the extractor, from Word-style and from LibreOffice RTF alike', () => {
    for (const name of ['report-gbk.rtf', 'report.rtf']) {
      const v = new Map(extractFields(normalizeBlocks(readRtf(rtf(name)), 'rtf'), 'x').fields.map((f) => [f.key, f.value]));
      expect([v.get('meta.agency'), v.get('meta.year'), v.get('meta.published_at')], name).toEqual(['临城县卫生健康局', 2022, '2023-01-18']);
      expect(FIGURES.map((k) => v.get(k)), name).toEqual([9, 10, 1, 8, 2]);
      expect([v.get('n.active_total'), v.get('n.apply_received')], name).toEqual([128, 10]);
    }
  });

  it('reads \\u characters with their fallbacks skipped, escapes, and pictures as nothing', () => {
    const doc = String.raw`{\rtf1\ansi{\fonttbl{\f0 Arial;}}\uc1\u20013?\u25991? \{x\}\~y{\*\shppict{\pict\pngblip\bin3 {}}}}\par z\'e9\par}`;
    expect(readRtf(Buffer.from(doc, 'latin1')).map((b) => b.text)).toEqual(['中文 {x} y', 'zé']);
    // a negative byte count must not move the reader back (it would read the same bytes forever)
    expect(readRtf(Buffer.from(String.raw`{\rtf1 a\bin-9 b\par}`, 'latin1')).map((b) => b.text)).toEqual(['ab']);
  });

  it('rejects what is not RTF, and an RTF without text, with a reason', () => {
    expect(() => readRtf(Buffer.from('PK\x03\x04 not rtf'))).toThrow(/RTF 文件已损坏/);
    expect(() => readRtf(Buffer.from('{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}}'))).toThrow(/没有文字/);
  });

  it('reads an RTF named .doc as RTF', async () => {
    const r = await processFile({ name: '年报.doc', bytes: rtf('report-gbk.rtf'), sha256: 'x' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kind).toBe('rtf');
    const v = new Map(r.value.fields.map((f) => [f.key, f.value]));
    expect(FIGURES.map((k) => v.get(k))).toEqual([9, 10, 1, 8, 2]);
  });
});
