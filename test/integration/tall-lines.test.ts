// Large title lines read again alone (ocr/tall-lines.ts), with the real pool on the first pages of
// two rendered scans: read in the page's block, the title comes with slices of itself around it
// (and a wrapped 告 split in two); read again, the title is clean and nothing below it is touched.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { createOcrPool, type OcrPool, type OcrResult } from '../../src/main/core/ocr/engine';
import { pageImage } from '../../src/main/core/ocr/page-image';
import { recognizeText, tallBands } from '../../src/main/core/ocr/tall-lines';
import type { Word } from '../../src/main/core/normalize/positioned-types';

const pool = await createOcrPool(2);
afterAll(() => pool.terminate());

/** Page 1 of a scan: the page read once (as the pool gives it) and read with its title bands again. */
async function read(name: string): Promise<{ once: OcrResult; words: Word[]; bands: number }> {
  const image = await pageImage({ bytes: new Uint8Array(fs.readFileSync(fixture('scans', name))), sha256: name, kind: 'pdf', page: 1 });
  const calls: Promise<OcrResult>[] = [];
  const counting: OcrPool = {
    ...pool,
    recognize(...args) {
      const r = pool.recognize(...args);
      calls.push(r);
      return r;
    },
  };
  const { words } = await recognizeText(counting, image);
  const once = await calls[0]!;
  expect(tallBands(once.words, image.width, image.height)).toHaveLength(calls.length - 1);
  return { once, words, bands: calls.length - 1 };
}

/** Words whose middle lies between two others' tops, top to bottom. */
const between = (words: readonly Word[], from: (w: Word) => boolean, to: (w: Word) => boolean): Word[] => {
  const y0 = words.find(from)!.y;
  const y1 = words.find(to)!.y;
  return words.filter((w) => w.y + w.h / 2 > y0 - 40 && w.y + w.h / 2 < y1).sort((a, b) => a.y - b.y || a.x - b.x);
};

describe('large title lines', () => {
  it('are read again alone: a clean title, the lines below it as they were', async () => {
    const [official, zeros] = await Promise.all([read('scan-2021-html-official.pdf'), read('scan-2021-html-blank-zeros.pdf')]);

    // 松阳县…年度报 / 告: in the page's block, junk above and 告 in two slices
    const title = (w: Word): boolean => w.text.startsWith('松阳县交通运输局2021');
    const next = (w: Word): boolean => w.text.startsWith('发布时间');
    expect(official.bands).toBe(1);
    expect(between(official.once.words, title, next).length).toBeGreaterThan(2);
    expect(between(official.words, title, next).map((w) => w.text).join('')).toBe('松阳县交通运输局2021年度政府信息公开工作年度报告');

    // 青田县…工作 / 年度报告, then the 索引号 line: that line stays as the page read it
    const title2 = (w: Word): boolean => w.text.startsWith('青田县自然资源和规划局2022');
    const index = (w: Word): boolean => w.text.startsWith('索引号');
    expect(zeros.bands).toBe(1);
    expect(between(zeros.once.words, title2, index).length).toBeGreaterThan(2);
    expect(between(zeros.words, title2, index).map((w) => w.text).join('')).toBe('青田县自然资源和规划局2022年度政府信息公开工作年度报告');
    const below = (words: readonly Word[]): string[] => words.filter((w) => w.y >= words.find(index)!.y - 5).map((w) => `${w.text}@${w.x},${w.y}`);
    expect(below(zeros.words).sort()).toEqual(below(zeros.once.words).sort());
  });
});
