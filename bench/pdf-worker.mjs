// bench/pdf.mjs worker: reads its share of the PDFs as the pipeline does (text layer → grid). It
// first reads the fixture set once unmeasured (the app's pipeline workers live for a whole import,
// so their code is warm), says so, and reads its share when told; with `breakdown`, reads each file
// three ways to tell where the time goes: opening, text content, grid. Reports its thread's CPU time.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { normalizePdf, openPdf, readTextLayer } from '../out/node/pdf.js';

const { files, warm, breakdown } = workerData;
/** CPU seconds of this thread (Linux). */
const threadCpu = () => {
  const f = fs.readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
const started = performance.now();
for (const file of warm) await normalizePdf(new Uint8Array(fs.readFileSync(file)));
parentPort.postMessage({ ready: (performance.now() - started) / 1000 });
await new Promise((resolve) => parentPort.once('message', resolve));
const cpu = threadCpu();
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
parentPort.postMessage({ ...total, cpu: threadCpu() - cpu });
