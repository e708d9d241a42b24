// Scans through the real pipeline and real OCR: a scanned PDF, a photo, a multi-page TIFF and a
// mixed PDF become reports with page+box provenance and OCR confidence; the OCR cache means a
// page is never read twice; cancelling stops the OCR within a second.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';
import { built } from '../support/built';
import { runImport } from '../../src/main/core/import/job';
import { workerExecutor } from '../../src/main/core/import/executor';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { pagePictures } from '../../src/main/core/review/page-pictures';
import { pageViews } from '../../src/main/core/review/page-view';
import { pageCache } from '../../src/main/core/review/page-cache';
import { reportFile } from '../../src/main/core/store/pages';
import { reportIds } from '../../src/main/core/store/reports';
import { blobPath } from '../../src/main/core/import/blob-store';
import { createOcrPool } from '../../src/main/core/ocr/engine';
import { toGrey } from '../../src/main/core/pdf/render';
import { toSpix } from '../../src/main/core/ocr/spix';
import type { OcrImage } from '../../src/main/core/ocr/settings';

let t: TestLibrary;
afterEach(() => t?.lib.close());

const truth = (await import('../fixtures/scans/truth.json', { with: { type: 'json' } })).default as { documents: { file: string; fields: Record<string, unknown> }[] };

describe('OCR import', () => {
  it('imports a scanned PDF: fields with page, box and OCR confidence; a re-import reads no page again', async () => {
    t = testLibrary();
    const file = fixture('scans', 'scan-2021-html-official.pdf');
    const s = await t.import([file]);
    expect(s.outcomes[0]).toMatchObject({ status: 'imported' });
    expect(s.ocr).toEqual({ recognized: 3, cached: 0 });
    const r = t.exported()[0]!;
    const want = truth.documents.find((d) => d.file === 'scan-2021-html-official.pdf')!.fields;
    const keys = Object.keys(want).filter((k) => k.startsWith('t3.') && want[k] !== null);
    const right = keys.filter((k) => r.fields[k]?.value === want[k]);
    console.log(`scanned 表三: ${right.length}/${keys.length}`, keys.filter((k) => !right.includes(k)).map((k) => `${k}=${r.fields[k]?.value}≠${want[k]}`).join(' '));
    expect(right.length / keys.length).toBeGreaterThan(0.9);
    // the large title read clean (ocr/tall-lines.ts): in the page's block it comes with slices of itself
    expect(r.fields['meta.title']?.value).toBe(want['meta.title']);
    const f = r.fields['t3.new.total']!;
    expect(f.value).toBe(37);
    expect(f.source.page).toBe(2);
    const [x, , w] = f.source.box!;
    expect(x).toBeGreaterThan(400); // the 总计 column, right of an A4 page (595 pt)
    expect(w).toBeGreaterThan(0);
    expect(f.confidence).toBeGreaterThan(0.5);
    expect(f.confidence).toBeLessThanOrEqual(1);
    const tokens = t.lib.db.prepare("SELECT tokens FROM pages WHERE page = 2").get() as { tokens: string };
    expect(JSON.parse(tokens.tokens).some((w: { conf?: number }) => typeof w.conf === 'number')).toBe(true);

    // the report goes away, the file comes again: its pages come from the cache
    t.lib.db.prepare('DELETE FROM reports').run();
    const again = await t.import([file]);
    expect(again.outcomes[0]).toMatchObject({ status: 'imported' });
    expect(again.ocr).toEqual({ recognized: 0, cached: 3 });
  });
});

describe('OCR import of images and mixed PDFs', () => {
  it('reads a phone photo stored turned a quarter (EXIF orientation), and a multi-page TIFF', async () => {
    t = testLibrary();
    const s = await t.import([fixture('images', 'photo-exif-rotated.jpg'), fixture('images', 'scan-multipage.tif')]);
    const by = Object.fromEntries(s.outcomes.map((o) => [o.name, o]));
    expect(by['photo-exif-rotated.jpg']).toMatchObject({ status: 'imported' });
    expect(by['scan-multipage.tif']).toMatchObject({ status: 'imported' });
    const reports = t.exported();
    const photo = reports.find((r) => r.fields['meta.agency']?.value === '松阳县交通运输局')!;
    // upright: the page is portrait and its text reads (a sideways page gives no agency at all)
    const page1 = t.lib.db.prepare("SELECT p.tokens FROM pages p JOIN files f ON f.id = p.file_id WHERE f.kind = 'image' AND p.page = 1 ORDER BY f.id").all() as { tokens: string }[];
    expect(page1.length).toBe(2);
    expect(photo.fields['t2.license.decisions']?.value).toBe(3372);
    const tiff = reports.find((r) => r !== photo)!;
    expect(tiff.fields['meta.year']?.value).toBe(2022);
    const tiffPages = t.lib.db.prepare("SELECT count(*) AS n FROM pages p JOIN files f ON f.id = p.file_id WHERE f.kind = 'image' AND p.page > 0 AND f.size = ?").get(fs.statSync(fixture('images', 'scan-multipage.tif')).size) as { n: number };
    expect(tiffPages.n).toBe(3);
  });

  it('turns pages upright with nothing saying how they lie: a scan fed sideways (JPEG, no EXIF), an upside-down scanned PDF', async () => {
    t = testLibrary();
    const s = await t.import([fixture('images', 'scan-turned-90.jpg'), fixture('pdf', 'scan-upside-down.pdf')]);
    expect(s.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    for (const r of t.exported()) {
      expect(r.fields['meta.agency']?.value).toBe('松阳县交通运输局');
      expect(r.fields['t2.license.decisions']?.value).toBe(3372);
    }
    // read upright: portrait pages, read with confidence
    const pages = t.lib.db.prepare('SELECT width, height, confidence FROM ocr_pages').all() as { width: number; height: number; confidence: number }[];
    expect(pages).toHaveLength(2);
    for (const p of pages) {
      expect(p.height).toBeGreaterThan(p.width);
      expect(p.confidence).toBeGreaterThan(0.6);
    }
    // the turn is stored with the words, and the review screen draws the page turned the same way:
    // the box of a word, cut from the drawn picture, reads as that word (and, cut from
    // the page drawn as the file holds it, does not)
    const turns = t.lib.db.prepare("SELECT f.kind, p.turn FROM pages p JOIN files f ON f.id = p.file_id WHERE p.page = 1 ORDER BY f.kind").all();
    expect(turns).toEqual([{ kind: 'image', turn: 3 }, { kind: 'pdf', turn: 2 }]);
    const pictures = pagePictures();
    const views = pageViews(t.lib, pictures, pageCache(tempDir('nianbao-pages-')));
    const ocr = await createOcrPool(1);
    try {
      for (const id of reportIds(t.lib.db)) {
        const view = await views.get(id, 1);
        // an image file's page is read by OCR as such; the scanned PDF's for want of a text layer
        expect(view.ocrReason).toBe(reportFile(t.lib.db, id)!.kind === 'image' ? 'image' : 'absent');
        // a word of four to ten Chinese characters read surely
        const word = view.words.filter((w) => /^\p{Script=Han}{4,10}$/u.test(w.text) && (w.conf ?? 0) > 0.85).sort((x, y) => y.text.length - x.text.length)[0]!;
        expect(word).toBeDefined();
        const drawn = await pngGrey(view.image!);
        expect(drawn.width / drawn.height).toBeCloseTo(view.width / view.height, 2);
        const read = async (page: { grey: Uint8Array; width: number }, k: number): Promise<string> =>
          (await ocr.recognize(cropBox(page.grey, page.width, word, k), false, '7')).words.map((w) => w.text).join('');
        const k = drawn.width / view.width;
        const got = await read(drawn, k);
        console.log(`turned page: box of ${word.text} reads ${got}`);
        expect(similar(got, word.text)).toBeGreaterThan(0.6);
        const file = reportFile(t.lib.db, id)!;
        const unturned = await pictures.draw(file.sha256, blobPath(t.lib.home, file.sha256), file.kind as 'pdf' | 'image', 1, view.dpi ?? 120);
        expect(similar(await read(await pngGrey(unturned.png), k), word.text)).toBeLessThan(0.3);
      }
    } finally {
      await ocr.terminate();
      await views.close();
    }
  });

  it('reads a mixed PDF: the text page as text, the scanned pages by OCR', async () => {
    t = testLibrary();
    const s = await t.import([fixture('pdf', 'mixed.pdf')]);
    expect(s.outcomes[0]).toMatchObject({ status: 'imported' });
    expect(s.ocr).toEqual({ recognized: 2, cached: 0 });
    const r = t.exported()[0]!;
    expect(r.fields['t2.license.decisions']).toMatchObject({ value: 3372, confidence: 1 }); // page 1: text layer
    const total = r.fields['t3.new.total']!;
    expect(total).toMatchObject({ value: 37, source: { page: 2 } }); // page 2: OCR
    expect(total.confidence).toBeLessThan(1);
  });
});

/** A PNG (bytes or data URL) as greyscale pixels. */
async function pngGrey(png: string | Uint8Array): Promise<{ grey: Uint8Array; width: number; height: number }> {
  const img = await loadImage(typeof png === 'string' ? Buffer.from(png.split(',')[1]!, 'base64') : Buffer.from(png));
  const canvas = createCanvas(img.width, img.height);
  canvas.getContext('2d').drawImage(img, 0, 0);
  return { grey: toGrey(canvas.getContext('2d').getImageData(0, 0, img.width, img.height).data), width: img.width, height: img.height };
}

/** The box (page units, × k pixels per unit) with a margin, enlarged 3× for tesseract. */
function cropBox(grey: Uint8Array, width: number, b: { x: number; y: number; w: number; h: number }, k: number): OcrImage {
  const m = b.h * 0.3;
  const height = grey.length / width;
  const x0 = Math.min(width - 1, Math.max(0, Math.floor((b.x - m) * k)));
  const y0 = Math.min(height - 1, Math.max(0, Math.floor((b.y - m) * k)));
  const w = Math.min(width - x0, Math.ceil((b.w + 2 * m) * k));
  const h = Math.min(height - y0, Math.ceil((b.h + 2 * m) * k));
  const out = new Uint8Array(w * 3 * h * 3);
  for (let y = 0; y < h * 3; y++) for (let x = 0; x < w * 3; x++) out[y * w * 3 + x] = grey[(y0 + Math.floor(y / 3)) * width + x0 + Math.floor(x / 3)]!;
  return { spix: toSpix(out, w * 3, h * 3), width: w * 3, height: h * 3 };
}

/** Share of `want`'s characters found in `got`. */
const similar = (got: string, want: string): number => [...want].filter((c) => got.includes(c)).length / [...want].length;

describe('text layers only partly readable', () => {
  it('reads by OCR the page of a scan whose OCR layer is partly garbled and the page whose table is a picture, keeping the readable words', async () => {
    t = testLibrary();
    const s = await t.import([fixture('pdf', 'scan-bad-layer.pdf'), fixture('pdf', 'text-partly-pictured.pdf')]);
    expect(s.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    expect(s.ocr).toEqual({ recognized: 2, cached: 0 }); // one page of each: the others are trusted
    const reasons = t.lib.db.prepare("SELECT s.name, p.page, p.ocr_reason AS reason FROM pages p JOIN files f ON f.id = p.file_id JOIN file_sources s ON s.file_id = f.id WHERE p.page > 0 ORDER BY s.name, p.page").all();
    expect(reasons).toEqual([
      { name: 'scan-bad-layer.pdf', page: 1, reason: null },
      { name: 'scan-bad-layer.pdf', page: 2, reason: 'partly_garbage' },
      { name: 'scan-bad-layer.pdf', page: 3, reason: null },
      { name: 'text-partly-pictured.pdf', page: 1, reason: 'incomplete' },
      { name: 'text-partly-pictured.pdf', page: 2, reason: null },
      { name: 'text-partly-pictured.pdf', page: 3, reason: null },
    ]);
    // the review screen's page view says so, page by page (null: the text layer read as it is)
    const views = pageViews(t.lib);
    const shown = [];
    for (const id of reportIds(t.lib.db)) {
      const { name } = reportFile(t.lib.db, id)!;
      for (const page of [1, 2, 3]) shown.push({ name, page, reason: (await views.get(id, page)).ocrReason });
    }
    expect(shown.sort((a, b) => a.name.localeCompare(b.name) || a.page - b.page)).toEqual(reasons);
    const want = truth.documents.find((d) => d.file === 'scan-2021-html-official.pdf')!.fields;
    const share = (r: (typeof reports)[number], table: string): number => {
      const keys = Object.keys(want).filter((k) => k.startsWith(`${table}.`) && want[k] !== null);
      const right = keys.filter((k) => r.fields[k]?.value === want[k]);
      console.log(`${r.files[0]?.name} ${table}: ${right.length}/${keys.length}`, keys.filter((k) => !right.includes(k)).map((k) => `${k}=${r.fields[k]?.value}≠${want[k]}`).join(' '));
      return right.length / keys.length;
    };
    const reports = t.exported();
    const [scan, pictured] = ['scan-bad-layer.pdf', 'text-partly-pictured.pdf'].map((n) => reports.find((r) => r.files.some((f) => f.name === n))!);
    // the figures the layer garbled, and the table it has only as a picture, read by OCR
    expect(share(scan!, 't3')).toBeGreaterThan(0.9);
    expect(share(pictured!, 't2')).toBeGreaterThan(0.9);
    // the layer's readable words stay: the title as the file holds it, the text table as text
    // (its last rows, over the page break, are the grid's to join)
    for (const r of reports) expect(r.fields['meta.title']?.value).toBe(want['meta.title']);
    expect(share(pictured!, 't3')).toBeGreaterThan(0.9);
    expect(pictured!.fields['t3.new.total']).toMatchObject({ value: 37, confidence: 1 });
  });
});

describe('OCR cancel', () => {
  it('stops within a second of the cancel, storing nothing half-done', async () => {
    t = testLibrary();
    const executor = workerExecutor(built('node/workers/pipeline.js'), 1);
    const abort = new AbortController();
    let cancelledAt = 0;
    const done = runImport(t.lib, [fixture('scans')], {
      executor,
      signal: abort.signal,
      onProgress: (p) => {
        if (p.ocrPagesDone === 1 && !cancelledAt) {
          cancelledAt = performance.now();
          abort.abort();
        }
      },
    });
    const s = await done;
    const stoppedIn = performance.now() - cancelledAt;
    await executor.close();
    expect(cancelledAt).toBeGreaterThan(0);
    expect(stoppedIn).toBeLessThan(1000);
    expect(s.cancelled).toBe(true);
    expect(s.imported).toBe(0);
    expect((t.lib.db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n).toBe(0);
    // the page read before the cancel is kept: a later run does not read it again
    expect((t.lib.db.prepare('SELECT count(*) AS n FROM ocr_pages').get() as { n: number }).n).toBeGreaterThanOrEqual(1);
  });
});
