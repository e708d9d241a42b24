// Bundle the Node entry points (CLI, browser harness, pipeline worker) into out/node.
// Runs in `prepare`, so `npx nianbao` works right after `npm ci`.
import fs from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: {
    cli: 'src/main/core/cli.ts',
    harness: 'src/main/harness/server.ts',
    serve: 'src/main/harness/serve.ts',
    'workers/pipeline': 'src/main/workers/pipeline.ts',
    // PDF pages drawn for the review screen (next to the pipeline worker: the host finds it there)
    'workers/page-render': 'src/main/core/review/render-worker.ts',
    // CSV and JSON exports made a batch at a time on every core (next to the pipeline worker too)
    'workers/export': 'src/main/core/export/export-worker.ts',
    // the per-file pipeline as a library, for bench/extract.mjs
    pipeline: 'src/main/core/pipeline.ts',
    // OCR engine and page pictures, for bench/ocr.mjs and the offline test
    ocr: 'src/main/core/ocr/index.ts',
    // the PDF text-layer reader, for bench/pdf.mjs
    pdf: 'src/main/core/pdf/index.ts',
    // store, export, analysis and the API host as a library, for bench/library.mjs and bench/export.mjs
    core: 'src/main/core/bench-exports.ts',
  },
  outdir: 'out/node',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// OCR language data: copied (still gzipped) from the npm packages into resources/tessdata, which
// the app reads at run time and electron-builder ships; nothing is fetched. Variant: docs/ocr.md.
const TESSDATA_VARIANT = '4.0.0_best_int';
fs.mkdirSync('resources/tessdata', { recursive: true });
for (const lang of ['chi_sim', 'eng']) {
  fs.copyFileSync(`node_modules/@tesseract.js-data/${lang}/${TESSDATA_VARIANT}/${lang}.traineddata.gz`, `resources/tessdata/${lang}.traineddata.gz`);
}
