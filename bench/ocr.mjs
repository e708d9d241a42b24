// OCR benchmark (npm run bench:ocr builds out/node first). On the same prepared page images (the
// scanned fixtures at 300 dpi, ruling lines removed, figure columns apart) it measures, in one run:
//  - pages/min of the app's tesseract.js pool (2 workers) vs the native tesseract CLI (Debian
//    tesseract-ocr + chi-sim, two processes with OMP_THREAD_LIMIT=1), and the ratio;
//  - the character error rate of both against the known text (bag of characters: order-free,
//    since reading orders of a table differ), and peak RSS of the pool;
//  - how fast the main thread answers a 10 ms ping while a 20-page scan imports (the app's path:
//    pipeline workers render, the pool reads).
// Wall-clock figures swing with the load of a shared machine: CPU seconds per page are printed too.
// Both engines are also run side by side (at once, BENCH_SIDE times, default 1): then they share
// the machine's load alike, the steadiest comparison on a shared machine.
// BENCH_REPEAT=n repeats the throughput pair; BENCH_VARIANTS=1 also compares the chi_sim variants;
// BENCH_PING=0 skips the main-thread measurement.
import { execFile, execFileSync, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createOcrPool, OCR_PARAMS, pageImage } from '../out/node/ocr.js';
import { main } from '../out/node/cli.js';

const run = promisify(execFile);
const scans = new URL('../test/fixtures/scans/', import.meta.url).pathname;
const work = !isMainThread ? workerData.work : process.argv[2] === 'control' ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-ocr-'));
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

/** A picture file read into shared memory, as the render worker hands it over. */
function sharedPicture(file) {
  const bytes = fs.readFileSync(file);
  const out = new Uint8Array(new SharedArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

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

/** Two native processes, each given half the images as one list (the model is loaded once per process). */
async function native(list) {
  const files = list.flatMap((p) => p.parts.map((part) => ({ page: p, file: part.file })));
  const texts = new Map();
  // the same recognition settings as the pool (page segmentation, spaces, no inverted-text pass)
  const params = Object.entries(OCR_PARAMS).filter(([k]) => k !== 'tessedit_pageseg_mode').flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const cpu = cpuSeconds().children;
  const t = performance.now();
  await Promise.all(
    [0, 1].map(async (lane) => {
      const mine = files.filter((_, i) => i % 2 === lane);
      const listFile = path.join(work, `native-${lane}.txt`);
      fs.writeFileSync(listFile, mine.map((f) => f.file).join('\n') + '\n');
      const { stdout } = await run('tesseract', [listFile, 'stdout', '--oem', '1', '-l', 'chi_sim', '--psm', PSM, ...params], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 64 * 2 ** 20 });
      // one form feed after each image's text
      stdout.split('\f').forEach((text, i) => mine[i] && texts.set(mine[i].page, (texts.get(mine[i].page) ?? '') + text));
    }),
  );
  return { s: (performance.now() - t) / 1000, cpu: cpuSeconds().children - cpu, texts };
}

async function pool(list, size = 2) {
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const ocr = await createOcrPool(size);
  const texts = new Map();
  const cpu = cpuSeconds().own;
  const t = performance.now();
  // as the import does: one picture per worker in memory, and one waiting
  const parts = list.flatMap((p) => p.parts.map((part) => ({ p, part })));
  let next = 0;
  const lane = async () => {
    while (next < parts.length) {
      const { p, part } = parts[next++];
      const r = await ocr.recognize({ spix: sharedPicture(`${part.file}.spix`), width: part.width, height: part.height }, part.figures);
      texts.set(p, (texts.get(p) ?? '') + r.words.map((w) => w.text).join(''));
    }
  };
  await Promise.all(Array.from({ length: size + 1 }, lane));
  const s = (performance.now() - t) / 1000;
  const used = cpuSeconds().own - cpu;
  await ocr.terminate();
  clearInterval(sample);
  return { s, cpu: used, texts, peak };
}

/**
 * Both engines at once, two threads each: each reads every picture once while the other engine
 * is reading too (an engine that is done reads again, as load only, until the other is done), so
 * the machine's load from other work is the same for both. Wall and CPU seconds of each pass.
 */
async function sideBySide(list) {
  const parts = list.flatMap((p) => p.parts);
  const ocr = await createOcrPool(2);
  const params = Object.entries(OCR_PARAMS).filter(([k]) => k !== 'tessedit_pageseg_mode').flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const lists = [0, 1].map((lane) => {
    const file = path.join(work, `side-${lane}.txt`);
    fs.writeFileSync(file, `${parts.filter((_, i) => i % 2 === lane).map((m) => m.file).join('\n')}\n`);
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
      await ocr.recognize({ spix: sharedPicture(`${part.file}.spix`), width: part.width, height: part.height }, part.figures);
    }
  };
  await Promise.all(Array.from({ length: 3 }, lane));
  const pool = { s: (performance.now() - t) / 1000, cpu: cpuSeconds().own - cpu };
  // load only, until the native pass is done
  const fill = async () => {
    for (let k = 0; !nativeDone; k++) {
      const part = parts[k % parts.length];
      await ocr.recognize({ spix: sharedPicture(`${part.file}.spix`), width: part.width, height: part.height }, part.figures);
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
  return { result, max: lags.at(-1), p99: lags[Math.floor(lags.length * 0.99)], n: lags.length };
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
  const job = await lagsDuring(() => main(['import', path.dirname(twenty), '--db', path.join(work, 'lib', 'library.sqlite')], { out() {}, err() {}, isTTY: false }));
  control.send('stop');
  const other = await new Promise((resolve) => control.once('message', resolve));
  return { idle, job, other, code: job.result, s: (performance.now() - t) / 1000 };
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
for (let i = 0; i < Number(process.env.BENCH_REPEAT ?? 1); i++) {
  const n = await native(list);
  const p = await pool(list);
  const nat = (60 * list.length) / n.s;
  const ours = (60 * list.length) / p.s;
  console.log(`run ${i + 1}: pool ${ours.toFixed(1)} pages/min, native ${nat.toFixed(1)} pages/min, ratio ${(ours / nat).toFixed(2)} (target ≥ 0.9)`);
  // CPU time per page hardly depends on what else the shared machine runs; wall time does
  console.log(`       CPU per page: pool ${(p.cpu / list.length).toFixed(2)} s, native ${(n.cpu / list.length).toFixed(2)} s, ratio ${(n.cpu / p.cpu).toFixed(2)} (native/pool: pool throughput on equal cores)`);
  console.log(`       CER pool ${meanCer(list, p.texts).toFixed(2)} %, native ${meanCer(list, n.texts).toFixed(2)} % (target: pool ≤ native + 1)`);
  console.log(`       peak RSS during the pool run ${(p.peak / 2 ** 20).toFixed(0)} MB (2 workers; target ≤ 1024)`);
}
for (let i = 0; i < Number(process.env.BENCH_SIDE ?? 1); i++) {
  const r = await sideBySide(list);
  const ppm = (x) => (60 * list.length) / x.s;
  console.log(`side by side ${i + 1} (both at once): pool ${ppm(r.pool).toFixed(1)} pages/min, native ${ppm(r.native).toFixed(1)} pages/min, ratio ${(r.native.s / r.pool.s).toFixed(2)} (target ≥ 0.9)`);
  console.log(`       CPU per page: pool ${(r.pool.cpu / list.length).toFixed(2)} s, native ${(r.native.cpu / list.length).toFixed(2)} s, ratio ${(r.native.cpu / r.pool.cpu).toFixed(2)}`);
}
if (process.env.BENCH_VARIANTS) {
  console.log('traineddata variants (pool of 2):');
  await variants(list);
}
const p = process.env.BENCH_PING === '0' ? null : await ping();
if (p) console.log(`main thread during a 20-page OCR import (${p.s.toFixed(1)} s, exit ${p.code}): ping lag max ${p.job.max.toFixed(1)} ms, p99 ${p.job.p99.toFixed(1)} ms over ${p.job.n} pings (target < 100)`);
if (p) console.log(`  an idle process pinging meanwhile (the machine's scheduling alone): max ${p.other.max.toFixed(1)} ms, p99 ${p.other.p99.toFixed(1)} ms`);
if (p) console.log(`  the same process idle for 5 s (the machine's own noise): max ${p.idle.max.toFixed(1)} ms, p99 ${p.idle.p99.toFixed(1)} ms`);
fs.rmSync(work, { recursive: true, force: true });
