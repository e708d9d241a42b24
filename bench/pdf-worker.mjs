// bench/pdf.mjs worker: reads its share of the PDFs as the pipeline does (text layer → grid); with
// `breakdown`, reads each three ways to tell where the time goes: opening, text content, grid.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { normalizePdf, openPdf, readTextLayer } from '../out/node/pdf.js';

const { files, breakdown } = workerData;
const total = { open: 0, text: 0, grid: 0 };
for (const file of files) {
  const bytes = new Uint8Array(fs.readFileSync(file));
  if (!breakdown) {
    await normalizePdf(bytes);
    continue;
  }
  let t = performance.now();
  await (await openPdf(bytes)).close();
  const open = performance.now() - t;
  t = performance.now();
  await readTextLayer(bytes);
  const layer = performance.now() - t;
  t = performance.now();
  await normalizePdf(bytes);
  const all = performance.now() - t;
  total.open += open;
  total.text += layer - open;
  total.grid += Math.max(0, all - layer);
}
parentPort.postMessage(total);
