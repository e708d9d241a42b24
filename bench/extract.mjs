// Extraction speed: normalize → extract → validate per text report on one core (the pipeline a
// worker runs), over the fixture reports. Target ≤ 20 ms per report. Baseline in the same run:
// reading and hashing the same bytes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { processFile } from '../out/node/pipeline.js';

const root = new URL('../test/fixtures/', import.meta.url);
const dirs = ['seeds', 'real', 'reports', 'handmade', 'variety', 'blind', 'files'];
const docs = dirs
  .flatMap((d) => {
    const dir = path.join(root.pathname, d);
    return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
  })
  .filter((f) => /\.(txt|html?|mht)$/i.test(f) && fs.statSync(f).size > 0)
  .map((f) => ({ name: path.basename(f), bytes: fs.readFileSync(f) }));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const time = async (fn) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

// warm up the JIT and the label caches as a long import would
for (const d of docs) await processFile({ ...d, sha256: 'x' });
const samples = [];
let baseline = 0;
// CPU time as well: on a shared machine wall time also counts the other processes' turns
let cpu = 0;
for (let r = 0; r < ROUNDS; r++) {
  for (const d of docs) {
    baseline += await time(() => crypto.createHash('sha256').update(d.bytes).digest('hex'));
    const before = process.cpuUsage();
    samples.push(await time(() => processFile({ ...d, sha256: 'x' })));
    const used = process.cpuUsage(before);
    cpu += (used.user + used.system) / 1000;
  }
}
samples.sort((a, b) => a - b);
const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
const p95 = samples[Math.floor(samples.length * 0.95)];
console.log(`extract: ${docs.length} documents × ${ROUNDS} rounds: mean ${mean.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms per report (target ≤ 20 ms)`);
console.log(`CPU time: mean ${(cpu / samples.length).toFixed(2)} ms per report`);
console.log(`baseline sha256: ${(baseline / samples.length).toFixed(3)} ms per report; extraction costs ${(mean / (baseline / samples.length)).toFixed(0)}× the baseline`);
