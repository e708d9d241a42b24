// The OCR engine's paths in a packaged app, resolved the way the app resolves them at run time:
// a layout like electron-builder's (test/support/packaged.ts, with resources/resources/tessdata);
// a tesseract.js worker then starts from the unpacked copy and reads a word.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorker } from 'tesseract.js';
import { REPO } from '../../support/tmp';
import { linkTree, packagedLayout, unpackedPackages } from '../../support/packaged';
import { ocrWorkerPath, unpacked, WORKER_SCRIPT } from '../../../src/main/core/ocr/engine-paths';
import { OCR_LANG, tessdataDir } from '../../../src/main/core/ocr/tessdata';
import { toSpix } from '../../../src/main/core/ocr/spix';

function packagedOcrLayout(): { resources: string; asar: string } {
  const { resources, asar } = packagedLayout();
  linkTree(path.join(REPO, 'resources', 'tessdata'), path.join(resources, 'resources', 'tessdata'));
  return { resources, asar };
}

describe('OCR paths in a packaged app', () => {
  it('unpacks the worker, its core and its modules; finds the language data among the resources', () => {
    expect(unpackedPackages()).toEqual(expect.arrayContaining(['tesseract.js', 'tesseract.js-core']));
    const { resources, asar } = packagedOcrLayout();
    // node_modules resolve inside app.asar, as Electron's require does there
    const worker = ocrWorkerPath((id) => path.join(asar, 'node_modules', id));
    expect(worker).toBe(path.join(resources, 'app.asar.unpacked', 'node_modules', WORKER_SCRIPT));
    expect(fs.existsSync(worker)).toBe(true);
    expect(tessdataDir(resources)).toBe(path.join(resources, 'resources', 'tessdata'));
    expect(fs.existsSync(path.join(tessdataDir(resources), `${OCR_LANG}.traineddata.gz`))).toBe(true);
    // outside an archive (development, CLI) paths stay as they are
    expect(unpacked(path.join(REPO, 'node_modules', WORKER_SCRIPT))).toBe(path.join(REPO, 'node_modules', WORKER_SCRIPT));
  });

  it('runs a recognition worker from the unpacked copy', async () => {
    const { resources, asar } = packagedOcrLayout();
    const worker = await createWorker(OCR_LANG, 1, {
      workerPath: ocrWorkerPath((id) => path.join(asar, 'node_modules', id)),
      langPath: tessdataDir(resources),
      cacheMethod: 'none',
      gzip: true,
      errorHandler: () => {},
    });
    try {
      // a black bar is no text: what matters is that the worker, its core and the model loaded
      const grey = new Uint8Array(200 * 60).fill(255);
      for (let y = 25; y < 35; y++) grey.fill(0, y * 200 + 20, y * 200 + 180);
      const { data } = await worker.recognize(toSpix(grey, 200, 60).buffer as unknown as Buffer, {}, { text: true });
      expect(typeof data.text).toBe('string');
    } finally {
      await worker.terminate();
    }
  }, 20_000);
});
