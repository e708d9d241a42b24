// Hostile and odd files in one batch: each gets its specific per-file outcome within bounded time
// and memory, the batch goes on, the good files are stored and nothing else is.
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { PDFDocument } from '../support/pdf-writer';
import { fixture, tempDir } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';

let t: TestLibrary;
afterEach(() => t?.lib.close());

/** Overwrite every entry's uncompressed size in a ZIP (local headers and central directory). */
function claimSize(zip: Uint8Array, size: number): Uint8Array {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x04034b50) dv.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) dv.setUint32(i + 24, size, true);
  }
  return zip;
}

describe('hostile and odd files', () => {
  it('gives each its outcome and stores only the good ones', async () => {
    t = testLibrary();
    const dir = tempDir('nianbao-hostile-');
    const report = unzipSync(fs.readFileSync(fixture('office', 'report.docx')));
    const files: Record<string, Uint8Array> = {
      // a page of 200×200 inches with no text: OCR would need 1.6 billion pixels
      'bomb-page.pdf': PDFDocument.single({ width: 14_400, height: 14_400, content: '' }),
      // 500 pages of text: read in bounded time
      'many-pages.pdf': PDFDocument.build(Array.from({ length: 500 }, (_, i) => ({ width: 595, height: 842, content: `BT /F1 12 Tf 72 720 Td (Annual report page ${i + 1} of 500, year 2021) Tj ET` }))),
      // deflated zeros claiming 1 KB: inflated no further than the claim
      'lying-bomb.docx': claimSize(zipSync({ ...report, 'word/document.xml': new Uint8Array(64 * 2 ** 20) }, { level: 9 }), 1000),
      // an entry claiming 250 MB: refused before inflating
      'huge-entry.docx': claimSize(zipSync({ 'word/document.xml': strToU8('<w:document/>') }), 250 * 2 ** 20),
      // an entry that climbs out of the folder: never read, never written
      'traversal.docx': zipSync({ ...report, '../../evil.xml': strToU8('<evil/>') }),
      'jpeg-named.png': fs.readFileSync(fixture('images', 'jpeg-named.png')),
      'pdf-named.txt': fs.readFileSync(fixture('pdf', 'pdf-named.txt')),
      'encrypted.pdf': fs.readFileSync(fixture('pdf', 'encrypted.pdf')),
      'truncated.pdf': fs.readFileSync(fixture('pdf', 'truncated.pdf')),
    };
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
    const rssBefore = process.memoryUsage().rss;
    const s = await t.import([dir]);
    const by = Object.fromEntries(s.outcomes.map((o) => [o.name, o]));
    expect(by['bomb-page.pdf']).toMatchObject({ status: 'failed', code: 'too_large', message: expect.stringContaining('尺寸异常') });
    expect(by['many-pages.pdf']).toMatchObject({ status: 'imported' });
    expect(by['lying-bomb.docx']).toMatchObject({ status: 'failed' });
    expect(by['huge-entry.docx']).toMatchObject({ status: 'failed', code: 'too_large' });
    expect(by['traversal.docx']).toMatchObject({ status: 'imported' });
    expect(by['jpeg-named.png']).toMatchObject({ status: 'imported' });
    expect(by['pdf-named.txt']).toMatchObject({ status: 'imported' });
    expect(by['encrypted.pdf']).toMatchObject({ status: 'failed', code: 'encrypted' });
    expect(by['truncated.pdf']).toMatchObject({ status: 'failed', code: 'not_text' });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(1024 * 2 ** 20);
    expect(fs.existsSync(path.join(dir, '..', 'evil.xml')) || fs.existsSync(path.join(dir, '..', '..', 'evil.xml'))).toBe(false);

    const reports = t.exported();
    expect(reports.length).toBe(4);
    const kinds = t.lib.db.prepare('SELECT kind FROM files ORDER BY kind').all().map((r) => (r as { kind: string }).kind);
    expect(kinds).toEqual(['docx', 'image', 'pdf', 'pdf']);
    // the PDF named .txt is read as the PDF it is: its table, with page boxes
    const pdf = reports.find((r) => r.fields['meta.agency']?.value === '平江县人民政府')!;
    expect(pdf.fields['t3.new.total']).toMatchObject({ value: 15, source: { page: 1 } });
  });
});
