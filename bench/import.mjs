// Import benchmark: N generated web/text reports → import + store + metadata extraction.
// Prints docs/s and peak RSS, and the ratio to a baseline measured in the same run
// (reading and hashing the same files). Targets on a 2-core machine: ≥ 200 docs/s, ≤ 300 MB.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../out/node/cli.js';
import { writeReports } from './generate.mjs';

const N = Number(process.env.BENCH_DOCS ?? 2000);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
const input = path.join(root, 'in');

function baseline() {
  const t = performance.now();
  for (const f of fs.readdirSync(input)) crypto.createHash('sha256').update(fs.readFileSync(path.join(input, f))).digest('hex');
  return (performance.now() - t) / 1000;
}

writeReports(input, N);
const base = baseline();
const quiet = { out: () => {}, err: () => {}, isTTY: false };
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const main0 = process.threadCpuUsage();
const code = await main(['import', input, '--db', path.join(root, 'lib', 'library.sqlite')], quiet);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const mainCpu = process.threadCpuUsage(main0);
const rssMb = process.resourceUsage().maxRSS / 1024;
fs.rmSync(root, { recursive: true, force: true });

const rate = N / seconds;
console.log(`import: ${N} docs in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} docs/s (target ≥ 200), exit ${code}`);
// CPU time of every thread (workers included): what the import costs, whatever else the machine runs
console.log(`CPU time: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s = ${((cpu.user + cpu.system) / 1000 / N).toFixed(2)} ms per doc (${(N / ((cpu.user + cpu.system) / 1e6)).toFixed(0)} docs per CPU second)`);
const ms = (u) => (u.user + u.system) / 1000;
console.log(`CPU per doc: main thread ${(ms(mainCpu) / N).toFixed(2)} ms, workers and other threads ${((ms(cpu) - ms(mainCpu)) / N).toFixed(2)} ms (at 200 docs/s two cores give 10 ms per doc in all)`);
console.log(`peak RSS (main process, workers included): ${rssMb.toFixed(0)} MB (target ≤ 300)`);
console.log(`baseline read+sha256: ${(N / base).toFixed(0)} docs/s; import costs ${(seconds / base).toFixed(1)}× the baseline`);
