// A page OCR read almost nothing from is flagged (source.pages_without_text), the others are not:
// the real pipeline on a mixed PDF (page 1 text, pages 2–3 scans) given OCR words for its scans —
// page 2 the words of the same page's text layer, page 3 two specks.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../support/tmp';
import { processFile } from '../../../src/main/core/pipeline';
import { readTextLayer } from '../../../src/main/core/pdf/text-layer';
import type { OcrPage } from '../../../src/main/core/ocr/merge';

describe('pages OCR read nothing from', () => {
  it('are named in a warning; pages with text are not', async () => {
    const bytes = new Uint8Array(fs.readFileSync(fixture('pdf', 'mixed.pdf')));
    const text = await readTextLayer(new Uint8Array(fs.readFileSync(fixture('pdf', 'text-2021-html-official.pdf'))));
    const page2 = text.pages[1]!;
    const ocr: OcrPage[] = [
      { page: 2, width: page2.width, height: page2.height, confidence: 0.9, json: JSON.stringify({ words: page2.words.map((w) => ({ ...w, conf: 0.9 })), rules: { vertical: [], horizontal: [] } }) },
      { page: 3, width: 595, height: 842, confidence: 0.3, json: JSON.stringify({ words: [{ text: '一', x: 10, y: 10, w: 5, h: 5, conf: 0.3 }, { text: '.', x: 50, y: 700, w: 2, h: 2, conf: 0.2 }], rules: { vertical: [], horizontal: [] } }) },
    ];
    const r = await processFile({ bytes, name: 'mixed.pdf', sha256: 'x', ocr });
    if (!r.ok) throw new Error(r.message);
    const unread = r.value.checks.filter((c) => c.rule === 'source.pages_without_text');
    expect(unread).toHaveLength(1);
    expect(unread[0]).toMatchObject({ ok: false, severity: 'warning' });
    expect(unread[0]!.message).toContain('第 3 页');
    expect(unread[0]!.message).not.toContain('2');
  });
});
