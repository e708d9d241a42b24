// OCR benchmark (npm run bench:ocr builds out/node first). On the same prepared page images (the
// scanned fixtures at 300 dpi, ruling lines removed, figure columns apart) it measures, in one run:
//  - pages/min of the app's tesseract.js pool (2 workers) vs the native tesseract CLI (Debian
//    tesseract-ocr + chi-sim, two processes with OMP_THREAD_LIMIT=1), and the ratio;
//  - the character error rate of both against the known text (bag of characters: order-free,
//    since reading orders of a table differ), and peak RSS of the pool (in this process, and alone in a process of its own);
//  - how fast the main thread answers a 10 ms ping while a 20-page scan imports (the app's path:
//    pipeline workers render, the pool reads).
// Wall-clock figures swing with the load of a shared machine: CPU seconds per page are printed too.
// Throughput is measured fairly: a warm-up pass of each engine first (files into the page cache,
// wasm compiled), then BENCH_ROUNDS rounds (default 4) in alternating order (native first, then
// pool first: neither always runs on the machine the other just heated or cooled), both engines
// given the same pictures largest first, each lane taking the next as it is free (native: two
// lists balanced by pixels, since a process reads its list with one model load); the headline is
// the median of the rounds' ratios. Both engines are also run side by side (at once, BENCH_SIDE
// times, default 1): then they share the machine's load alike.
// BENCH_VARIANTS=1 also compares the chi_sim variants; BENCH_PING=0 skips the main-thread measurement.
import { execFile, execFileSync, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PerformanceObserver } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createOcrPool, OCR_PARAMS, pageImage } from '../out/node/ocr.js';
import { main } from '../out/node/cli.js';

const run = promisify(execFile);
const scans = new URL('../test/fixtures/scans/', import.meta.url).pathname;
const work = !isMainThread ? workerData.work : ['control', 'pool-memory'].includes(process.argv[2]) ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-ocr-'));
const PSM = OCR_PARAMS.tessedit_pageseg_mode;

/** Every page of every scanned fixture: prepared images (PGM files) and the page's known text. */
async function pages(work) {
  const out = [];
  for (const f of fs.readdirSync(scans).filter((n) => n.endsWith('.pdf')).sort()) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(scans, f)));
    const known = fs.readFileSync(path.join(scans, f.replace(/\.pdf$/, '.known')), 'utf8').split('\f');
    for (let page = 1; page <= known.length && known[page - 1].trim(); page++) {
      const img = await pageImage({ bytes, sha256: f, kind: 'pdf', page });
      // the pool reads the app's spix pictures, the CLI the same pixels as PGM (its fastest format)
      const parts = [img, ...(img.figures ? [img.figures] : [])].map(({ spix, width, height }, k) => {
        const file = path.join(work, `${f}-${page}-${k}.pgm`);
        fs.writeFileSync(file, pgmOf(spix, width, height));
        fs.writeFileSync(`${file}.spix`, spix);
        return { file, width, height, figures: k === 1 };
      });
      out.push({ name: `${f} p${page}`, parts, known: known[page - 1] });
    }
  }
  return out;
}

/** The pixels of a spix picture (ocr/spix.ts) as a binary PGM. */
function pgmOf(spix, width, height) {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`);
  const out = Buffer.alloc(header.length + width * height);
  header.copy(out);
  const wpl = Math.ceil(width / 4) * 4;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[header.length + y * width + x] = spix[28 + y * wpl + (x ^ 3)];
  return out;
}

/** A picture file in a buffer of its own, as the render worker hands it over. */
const picture = (file) => new Uint8Array(fs.readFileSync(file));

const chars = (s) => [...s.replace(/\s+/gu, '')];
/** Bag-of-characters error rate: characters missing from or added to the known text, over its length. */
function cer(hyp, ref) {
  const count = new Map();
  for (const c of chars(ref)) count.set(c, (count.get(c) ?? 0) + 1);
  let common = 0;
  for (const c of chars(hyp)) {
    const n = count.get(c) ?? 0;
    if (n > 0) {
      common++;
      count.set(c, n - 1);
    }
  }
  const r = chars(ref).length;
  return (Math.max(r, chars(hyp).length) - common) / r;
}

/** CPU seconds of this process (all its threads) and of its waited-for children (/proc/self/stat). */
function cpuSeconds() {
  const own = process.cpuUsage();
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]); // cutime, cstime (fields 16 and 17)
  return { own: (own.user + own.system) / 1e6, children: ticks / 100 };
}

/** The pictures of `list`, largest first (both engines read them in this order). */
const largestFirst = (list) => list.flatMap((p) => p.parts.map((part) => ({ p, part }))).sort((a, b) => b.part.width * b.part.height - a.part.width * a.part.height);

/** Two lists of about equal pixels (largest first, each to the lighter list). */
function balanced(parts) {
  const lanes = [[], []];
  const load = [0, 0];
  for (const x of parts) {
    const k = load[0] <= load[1] ? 0 : 1;
    lanes[k].push(x);
    load[k] += x.part.width * x.part.height;
  }
  return lanes;
}

/** Two native processes, each given half the pixels as one list (the model is loaded once per process). */
async function native(list) {
  const texts = new Map();
  // the same recognition settings as the pool (page segmentation, spaces, no inverted-text pass)
  const params = Object.entries(OCR_PARAMS).filter(([k]) => k !== 'tessedit_pageseg_mode').flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const cpu = cpuSeconds().children;
  const t = performance.now();
  await Promise.all(
    balanced(largestFirst(list)).filter((mine) => mine.length > 0).map(async (mine, lane) => {
      const listFile = path.join(work, `native-${lane}.txt`);
      fs.writeFileSync(listFile, mine.map((f) => f.part.file).join('\n') + '\n');
      const { stdout } = await run('tesseract', [listFile, 'stdout', '--oem', '1', '-l', 'chi_sim', '--psm', PSM, ...params], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 64 * 2 ** 20 });
      // one form feed after each image's text
      stdout.split('\f').forEach((text, i) => mine[i] && texts.set(mine[i].p, (texts.get(mine[i].p) ?? '') + text));
    }),
  );
  return { s: (performance.now() - t) / 1000, cpu: cpuSeconds().children - cpu, texts };
}

/** CPU seconds of this process' main thread (/proc/self/task/<pid>/stat). */
function mainThreadSeconds() {
  const fields = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime (fields 14 and 15)
}

/** The pool reading `list` (`warm`: a pool already started and used, kept; else one of its own). */
async function pool(list, warm = null, size = 2) {
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const ocr = warm ?? (await createOcrPool(size));
  const texts = new Map();
  const cpu = cpuSeconds().own;
  const main = mainThreadSeconds();
  const t = performance.now();
  // as the import does: one picture per worker in memory, and one waiting
  const parts = largestFirst(list);
  let next = 0;
  const lane = async () => {
    while (next < parts.length) {
      const { p, part } = parts[next++];
      const r = await ocr.recognize({ spix: picture(`${part.file}.spix`), width: part.width, height: part.height }, part.figures);
      texts.set(p, (texts.get(p) ?? '') + r.words.map((w) => w.text).join(''));
    }
  };
  await Promise.all(Array.from({ length: ocr.size + 1 }, lane));
  const s = (performance.now() - t) / 1000;
  const used = cpuSeconds().own - cpu;
  const mainUsed = mainThreadSeconds() - main;
  if (!warm) await ocr.terminate();
  clearInterval(sample);
  return { s, cpu: used, main: mainUsed, texts, peak };
}

/**
 * Both engines at once, two threads each: each reads every picture once while the other engine
 * is reading too (an engine that is done reads again, as load only, until the other is done), so
 * the machine's load from other work is the same for both. Wall and CPU seconds of each pass.
 */
async function sideBySide(list) {
  const order = largestFirst(list);
  const parts = order.map((x) => x.part);
  const ocr = await createOcrPool(2);
  const params = Object.entries(OCR_PARAMS).filter(([k]) => k !== 'tessedit_pageseg_mode').flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const lists = balanced(order).map((mine, lane) => {
    const file = path.join(work, `side-${lane}.txt`);
    fs.writeFileSync(file, `${mine.map((m) => m.part.file).join('\n')}\n`);
    return file;
  });
  const tesseract = (file) => {
    const child = spawn('tesseract', [file, 'stdout', '--oem', '1', '-l', 'chi_sim', '--psm', PSM, ...params], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: 'ignore' });
    return { child, exited: new Promise((resolve) => child.once('exit', resolve)) };
  };
  let nativeDone = false;
  let poolDone = false;
  const t = performance.now();
  const children = cpuSeconds().children;
  const native = (async () => {
    await Promise.all(lists.map((f) => tesseract(f).exited));
    const r = { s: (performance.now() - t) / 1000, cpu: cpuSeconds().children - children };
    nativeDone = true;
    // load only, until the pool is done
    const fill = async (f) => {
      while (!poolDone) {
        const run = tesseract(f);
        const stop = setInterval(() => poolDone && run.child.kill('SIGKILL'), 100);
        await run.exited;
        clearInterval(stop);
      }
    };
    await Promise.all(lists.map(fill));
    return r;
  })();
  const cpu = cpuSeconds().own;
  let next = 0;
  const lane = async () => {
    while (next < parts.length) {
      const part = parts[next++];
      await ocr.recognize({ spix: picture(`${part.file}.spix`), width: part.width, height: part.height }, part.figures);
    }
  };
  await Promise.all(Array.from({ length: 3 }, lane));
  const pool = { s: (performance.now() - t) / 1000, cpu: cpuSeconds().own - cpu };
  // load only, until the native pass is done
  const fill = async () => {
    for (let k = 0; !nativeDone; k++) {
      const part = parts[k % parts.length];
      await ocr.recognize({ spix: picture(`${part.file}.spix`), width: part.width, height: part.height }, part.figures);
    }
  };
  await Promise.all([fill(), fill()]);
  poolDone = true;
  const nat = await native;
  await ocr.terminate();
  return { pool, native: nat };
}

const meanCer = (list, texts) => (100 * list.reduce((n, p) => n + cer(texts.get(p) ?? '', p.known), 0)) / list.length;

/** Ping lags (ms past the 10 ms interval) while `work` runs. */
async function lagsDuring(work) {
  const lags = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(now - last - 10);
    last = now;
  }, 10);
  const result = await work();
  clearInterval(timer);
  lags.sort((a, b) => a - b);
  return { result, max: lags.at(-1), p99: lags[Math.floor(lags.length * 0.99)], p999: lags[Math.floor(lags.length * 0.999)], n: lags.length };
}

/** Main-thread latency while a 20-page scanned PDF imports through the CLI (workers + pool), and idle. */
async function ping() {
  const pdfs = fs.readdirSync(scans).filter((n) => n.endsWith('.pdf')).map((n) => path.join(scans, n));
  const twenty = path.join(work, 'twenty', 'scan-20-pages.pdf');
  fs.mkdirSync(path.dirname(twenty));
  const mixed = new URL('../test/fixtures/pdf/mixed.pdf', import.meta.url).pathname;
  execFileSync('pdfunite', [...pdfs, ...pdfs, mixed, twenty]);
  const idle = await lagsDuring(() => new Promise((resolve) => setTimeout(resolve, 5000)));
  // an idle process pinging at the same time: what the machine's scheduling alone costs
  const control = fork(new URL(import.meta.url), ['control'], { stdio: 'ignore', serialization: 'advanced' });
  await new Promise((resolve) => control.once('message', resolve));
  const t = performance.now();
  // the main thread's own garbage collection pauses meanwhile (the part of the lags that is ours for sure)
  const gc = [];
  const observer = new PerformanceObserver((entries) => gc.push(...entries.getEntries().map((e) => e.duration)));
  observer.observe({ entryTypes: ['gc'] });
  const job = await lagsDuring(() => main(['import', path.dirname(twenty), '--db', path.join(work, 'lib', 'library.sqlite')], { out() {}, err() {}, isTTY: false }));
  observer.disconnect();
  control.send('stop');
  const other = await new Promise((resolve) => control.once('message', resolve));
  return { idle, job, other, gc, code: job.result, s: (performance.now() - t) / 1000 };
}

/** chi_sim 4.0.0_best_int (2.5 MB, LSTM only) vs 4.0.0 (44 MB, legacy + LSTM), both LSTM-only recognition. */
async function variants(list) {
  const data = new URL('../node_modules/@tesseract.js-data/', import.meta.url).pathname;
  for (const v of ['4.0.0_best_int', '4.0.0']) {
    const dir = path.join(work, `tessdata-${v}`);
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(data, 'chi_sim', v, 'chi_sim.traineddata.gz'), path.join(dir, 'chi_sim.traineddata.gz'));
    process.env.NIANBAO_TESSDATA = dir;
    const t = performance.now();
    const ocr = await createOcrPool(1);
    const load = (performance.now() - t) / 1000;
    await ocr.terminate();
    const r = await pool(list);
    console.log(`  ${v.padEnd(15)} ${((60 * list.length) / r.s).toFixed(1).padStart(5)} pages/min   CER ${meanCer(list, r.texts).toFixed(2)} %   worker start ${load.toFixed(2)} s`);
  }
  delete process.env.NIANBAO_TESSDATA;
}

/**
 * The pool's own peak RSS: a process that only starts the pool and reads every picture
 * BENCH_MEMORY_PASSES times (default 3), as an import does (workers + 1 pictures in flight).
 */
async function poolMemory(list) {
  const child = fork(new URL(import.meta.url), ['pool-memory'], { stdio: 'inherit', serialization: 'advanced' });
  child.send(largestFirst(list).map(({ part }) => part));
  return new Promise((resolve) => child.once('message', resolve));
}

if (process.argv[2] === 'pool-memory') {
  const parts = await new Promise((resolve) => process.once('message', resolve));
  let peak = process.memoryUsage().rss;
  const start = peak;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const ocr = await createOcrPool(2);
  const queue = Array.from({ length: Number(process.env.BENCH_MEMORY_PASSES ?? 3) }, () => parts).flat();
  const lane = async () => {
    for (let part = queue.shift(); part; part = queue.shift()) await ocr.recognize({ spix: picture(`${part.file}.spix`), width: part.width, height: part.height }, part.figures);
  };
  await Promise.all(Array.from({ length: ocr.size + 1 }, lane));
  await ocr.terminate();
  clearInterval(sample);
  process.send({ peak, start, pictures: parts.length });
  process.exit(0);
}
if (process.argv[2] === 'control') {
  const r = lagsDuring(() => new Promise((resolve) => process.once('message', resolve)));
  process.send('ready');
  process.send(await r);
  process.exit(0);
}
if (!isMainThread) {
  parentPort.postMessage(await pages(workerData.work));
  process.exit(0);
}
try {
  execFileSync('tesseract', ['--version']);
} catch {
  console.log('tesseract CLI missing (apt-get install tesseract-ocr tesseract-ocr-chi-sim): no baseline');
  process.exit(0);
}
// the pictures are made in a worker thread that then ends, so the pool's RSS is the pool's
const list = await new Promise((resolve, reject) => {
  const w = new Worker(new URL(import.meta.url), { workerData: { work } });
  w.once('message', resolve);
  w.once('error', reject);
});
console.log(`${list.length} pages (${list.reduce((n, p) => n + p.parts.length, 0)} images: page text + figure columns), ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(1)}`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ppm = (x) => (60 * list.length) / x.s;
// warm-up, not counted: the model files into the page cache, the CLI's libraries loaded; the pool is
// started once and its workers' first page read (the wasm tiered up), as an import job's pool is
// for all its pages after the first
const warm = { p: [list[0]], t: performance.now() };
const ocr = await createOcrPool(2);
await native(warm.p);
await Promise.all([pool(warm.p, ocr), pool(warm.p, ocr)]);
console.log(`warm-up (one page each, not counted) ${((performance.now() - warm.t) / 1000).toFixed(1)} s`);
const rounds = [];
for (let i = 0; i < Number(process.env.BENCH_ROUNDS ?? 4); i++) {
  const nativeFirst = i % 2 === 0;
  const first = nativeFirst ? await native(list) : await pool(list, ocr);
  const second = nativeFirst ? await pool(list, ocr) : await native(list);
  const [n, p] = nativeFirst ? [first, second] : [second, first];
  rounds.push({ wall: n.s / p.s, cpu: n.cpu / p.cpu, n, p });
  console.log(
    `round ${i + 1} (${nativeFirst ? 'native first' : 'pool first'}): pool ${ppm(p).toFixed(1)} pages/min, native ${ppm(n).toFixed(1)}, ratio ${(n.s / p.s).toFixed(2)}; ` +
      `CPU per page pool ${(p.cpu / list.length).toFixed(2)} s (main thread ${(p.main / list.length).toFixed(2)}), native ${(n.cpu / list.length).toFixed(2)} s, ratio ${(n.cpu / p.cpu).toFixed(2)}; pool peak RSS ${(p.peak / 2 ** 20).toFixed(0)} MB; load ${os.loadavg()[0].toFixed(1)}`,
  );
}
const last = rounds.at(-1);
const range = (k) => `${Math.min(...rounds.map((r) => r[k])).toFixed(2)}–${Math.max(...rounds.map((r) => r[k])).toFixed(2)}`;
console.log(`THROUGHPUT pool/native: median ${median(rounds.map((r) => r.wall)).toFixed(2)} over ${rounds.length} interleaved rounds (range ${range('wall')}) (target ≥ 0.9)`);
console.log(`  per CPU second (pool throughput on equal cores): median ${median(rounds.map((r) => r.cpu)).toFixed(2)} (range ${range('cpu')}); CPU per page median pool ${median(rounds.map((r) => r.p.cpu / list.length)).toFixed(2)} s, native ${median(rounds.map((r) => r.n.cpu / list.length)).toFixed(2)} s`);
console.log(`CER pool ${meanCer(list, last.p.texts).toFixed(2)} %, native ${meanCer(list, last.n.texts).toFixed(2)} % (target: pool ≤ native + 1)`);
console.log(`peak RSS during a pool run ${(Math.max(...rounds.map((r) => r.p.peak)) / 2 ** 20).toFixed(0)} MB (this process: the pool and what drawing the pictures left; target ≤ 1024)`);
const mem = await poolMemory(list);
console.log(`  the pool alone (a process of its own, 2 workers, ${mem.pictures} pictures read ${process.env.BENCH_MEMORY_PASSES ?? 3} times): peak RSS ${(mem.peak / 2 ** 20).toFixed(0)} MB (${(mem.start / 2 ** 20).toFixed(0)} MB before the pool started)`);
await ocr.terminate();
for (let i = 0; i < Number(process.env.BENCH_SIDE ?? 1); i++) {
  const r = await sideBySide(list);
  console.log(`side by side ${i + 1} (both at once): pool ${ppm(r.pool).toFixed(1)} pages/min, native ${ppm(r.native).toFixed(1)} pages/min, ratio ${(r.native.s / r.pool.s).toFixed(2)} (target ≥ 0.9)`);
  console.log(`       CPU per page: pool ${(r.pool.cpu / list.length).toFixed(2)} s, native ${(r.native.cpu / list.length).toFixed(2)} s, ratio ${(r.native.cpu / r.pool.cpu).toFixed(2)}`);
}
if (process.env.BENCH_VARIANTS) {
  console.log('traineddata variants (pool of 2):');
  await variants(list);
}
const p = process.env.BENCH_PING === '0' ? null : await ping();
if (p) {
  const { job, other, idle } = p;
  console.log(`PING main thread during a 20-page OCR import (${p.s.toFixed(1)} s, exit ${p.code}): max ${job.max.toFixed(1)} ms, p99.9 ${job.p999.toFixed(1)} ms, p99 ${job.p99.toFixed(1)} ms over ${job.n} pings (target < 100)`);
  console.log(`  control (an idle process pinging at the same time: the machine's stalls): max ${other.max.toFixed(1)} ms, p99.9 ${other.p999.toFixed(1)} ms, p99 ${other.p99.toFixed(1)} ms`);
  console.log(`  ours less the machine's: max ${(job.max - other.max).toFixed(1)} ms, p99.9 ${(job.p999 - other.p999).toFixed(1)} ms, p99 ${(job.p99 - other.p99).toFixed(1)} ms`);
  console.log(`  main-thread GC during the import: ${p.gc.length} pauses, longest ${Math.max(0, ...p.gc).toFixed(1)} ms, ${p.gc.filter((d) => d > 50).length} over 50 ms`);
  console.log(`  the same process idle for 5 s before (the machine's own noise): max ${idle.max.toFixed(1)} ms, p99.9 ${idle.p999.toFixed(1)} ms, p99 ${idle.p99.toFixed(1)} ms`);
}
fs.rmSync(work, { recursive: true, force: true });
