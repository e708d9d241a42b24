// Scans through the real pipeline and real OCR: a scanned PDF, a photo, a multi-page TIFF and a
// mixed PDF become reports with page+box provenance and OCR confidence; the OCR cache means a
// page is never read twice; cancelling stops the OCR within a second.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';
import { built } from '../support/built';
import { runImport } from '../../src/main/core/import/job';
import { workerExecutor } from '../../src/main/core/import/executor';

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
