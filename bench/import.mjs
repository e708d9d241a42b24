// Import benchmark: N generated web/text reports → import + store + extraction + full-text index.
// Prints docs/s, CPU time per document (main thread, and the workers with every other thread) and
// peak RSS, beside the targets on a 2-core machine (≥ 200 docs/s, ≤ 300 MB), and the ratio to a
// baseline measured in the same run (reading and hashing the same files). Each import runs in a
// process of its own (so peak RSS is its own): the default pool (one worker per core but one, at
// most four) and, for comparison, one worker per core.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary, runImport, workerExecutor } from '../out/node/core.js';
import { writeReports } from './generate.mjs';

const N = Number(process.env.BENCH_DOCS ?? 2000);
const WORKER = fileURLToPath(new URL('../out/node/workers/pipeline.js', import.meta.url));

/** One import in this process: its figures as JSON on stdout. */
async function child(input, home, workers) {
  const executor = workers ? workerExecutor(WORKER, workers) : workerExecutor(WORKER);
  const lib = openLibrary({ home });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const main0 = process.threadCpuUsage();
  const summary = await runImport(lib, [input], { executor });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const main = process.threadCpuUsage(main0);
  await executor.close();
  lib.close();
  const ms = (u) => (u.user + u.system) / 1000;
  process.stdout.write(JSON.stringify({ workers: executor.size, imported: summary.imported, seconds, cpuMs: ms(cpu), mainMs: ms(main), rssMb: process.resourceUsage().maxRSS / 1024 }));
}

if (process.env.BENCH_IMPORT_CHILD) {
  const [input, home, workers] = process.argv.slice(2);
  await child(input, home, Number(workers) || undefined);
} else {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
  const input = path.join(root, 'in');
  writeReports(input, N);
  const t = performance.now();
  for (const f of fs.readdirSync(input)) crypto.createHash('sha256').update(fs.readFileSync(path.join(input, f))).digest('hex');
  const base = (performance.now() - t) / 1000;
  const runs = [0, os.availableParallelism()].map((workers, i) =>
    JSON.parse(
      execFileSync(process.execPath, [fileURLToPath(import.meta.url), input, path.join(root, `lib${i}`), String(workers)], {
        env: { ...process.env, BENCH_IMPORT_CHILD: '1' },
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      }),
    ),
  );
  fs.rmSync(root, { recursive: true, force: true });
  console.log(`import of ${N} generated reports (load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores)`);
  runs.forEach((r, i) => {
    const label = i === 0 ? `default pool, ${r.workers} worker${r.workers > 1 ? 's' : ''}` : `${r.workers} workers (one per core)`;
    console.log(`${label}:`);
    console.log(`  ${(N / r.seconds).toFixed(0)} docs/s (target ≥ 200): ${r.imported} imported in ${r.seconds.toFixed(2)} s`);
    console.log(`  CPU per doc ${(r.cpuMs / N).toFixed(2)} ms = main thread ${(r.mainMs / N).toFixed(2)} + workers and other threads ${((r.cpuMs - r.mainMs) / N).toFixed(2)} (200 docs/s on 2 cores leaves 10 ms in all); ${(N / (r.cpuMs / 1000)).toFixed(0)} docs per CPU second`);
    console.log(`  peak RSS ${r.rssMb.toFixed(0)} MB (target ≤ 300)`);
    console.log(`  ${(r.seconds / base).toFixed(0)}× the baseline (read + sha256 of the same files: ${(N / base).toFixed(0)} docs/s)`);
  });
}
