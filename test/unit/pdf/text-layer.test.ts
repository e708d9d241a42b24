// Text layers judged per page: by their characters (garbage, partly garbage) and, where the page
// paints pictures, against its ink (text only as a picture). Real fixtures (make-layers.mjs).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../support/tmp';
import { layerProblem, readTextLayer } from '../../../src/main/core/pdf/text-layer';
import { garbled } from '../../../src/main/core/pdf/plausible';

const read = async (dir: string, name: string) => (await readTextLayer(new Uint8Array(fs.readFileSync(fixture(dir, name))))).needsOcr;
const words = (text: string) => text.split(/\s+/u).map((t, i) => ({ text: t, x: 0, y: i * 12, w: 100, h: 10 }));

describe('text layer judged per page', () => {
  it('finds the page of a scan whose OCR layer is partly garbled, and trusts the pages read right', async () => {
    expect(await read('pdf', 'scan-bad-layer.pdf')).toEqual([{ page: 2, reason: 'partly_garbage' }]);
  });

  it('finds the page whose table is a picture the text layer has no words for', async () => {
    expect(await read('pdf', 'text-partly-pictured.pdf')).toEqual([{ page: 1, reason: 'incomplete' }]);
  });

  it('trusts text PDFs as printed, with their tables ruled', async () => {
    for (const name of ['table-2021.pdf', 'text-2021-html-official.pdf', 'text-2021-broken-balance.pdf']) expect(await read('pdf', name)).toEqual([]);
    expect(await read('pdf', 'mixed.pdf')).toEqual([{ page: 2, reason: 'absent' }, { page: 3, reason: 'absent' }]);
  });

  it('judges characters: simplified and traditional text read, mojibake not', () => {
    const simplified = '松阳县交通运输局2021年度政府信息公开工作年度报告 本年新收政府信息公开申请数量 37 件，①② ■ 〔2021〕';
    const traditional = '松陽縣交通運輸局2021年度政府資訊公開工作年度報告 本年新收政府資訊公開申請數量 37 件';
    expect(layerProblem(words(simplified))).toBeNull();
    expect(layerProblem(words(traditional))).toBeNull();
    // GBK bytes read as Latin-1, and glyph ids taken as code points (rare hanzi)
    expect(layerProblem(words('ËÉÑôÏØ½»Í¨ÔËÊä¾Ö2021Äê¶ÈÕþ¸®ÐÅÏ¢¹«¿ª¹¤×÷Äê¶È±¨¸æ'))).toBe('garbage');
    expect(layerProblem(words(`${simplified.repeat(3)} 㐏䏜䊿䖆 䈴㜖㸠㹄䅜 ÓÐÕÑ`))).toBe('partly_garbage');
    expect(garbled('（二）部分公开 ÔÑÑÐ')).toBe(true);
    expect(garbled('（二）部分公开 4 1 1 0')).toBe(false);
  });
});
