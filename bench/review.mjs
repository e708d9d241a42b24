// Review-screen speed on a 10,000-report library, in Chromium with the built renderer against the
// browser harness (the same core and API handlers as the desktop app):
// - opening a report with its page image: from the key press (J, or the 核对 button) to the page
//   picture decoded on screen (performance.measure 'review-open' in the renderer). Cases: the first
//   open after start (PDF engine cold), the next report in the queue (prefetched while the person
//   reads the current one), a report opened from the list whose page was not drawn before, and —
//   in a second session that draws pages ahead in idle time (page-warmer.ts) — the first open and
//   reports opened from the list once warming has drawn their pages;
// - warming: how long drawing every PDF report's opening page takes in idle time, and imports
//   started while warming was drawing against ones once it was done (docs/s: it must not slow them);
// - moving the focus cell to cell: from the keydown to the end of the layout effect that moved the
//   DOM focus, the source highlight or box and scrolled them into view (performance.measure
//   'review-focus'), on a PDF source and on a text source.
// Targets: open ≤ 200 ms, focus move ≤ 16 ms. Baselines in the same run: one API round trip
// (library:info) and a bare DOM focus change between two buttons. The headline is the COLD line:
// a report whose page was never drawn (no warming), opened from the list. The machine's load
// average is printed at the start and the end (wall times on a shared machine follow it).
// BENCH_QUICK=1 stops after the cold opens (BENCH_HOME keeps the generated library between runs).
/* global document -- in page.evaluate callbacks, which run in Chromium */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const N = Number(process.env.BENCH_REPORTS ?? 10_000);
const READ_MS = Number(process.env.BENCH_READ_MS ?? 1500);
const repo = path.resolve(import.meta.dirname, '..');
const helper = path.join(repo, 'bench', '.data', 'review-library.mjs');
await build({ entryPoints: [path.join(repo, 'bench', 'review-library.ts')], outfile: helper, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning' });
const { buildLibrary } = await import(helper);
const { startHarness } = await import('../out/node/harness.js');

// BENCH_HOME keeps the generated library for the next run
const keep = process.env.BENCH_HOME;
const home = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-review-'));
if (!keep || !fs.existsSync(path.join(home, 'library.sqlite'))) {
  const t = performance.now();
  const ids = await buildLibrary(home, N, path.join(repo, 'test', 'fixtures'));
  console.log(`library: ${N} reports (${ids.pdf.length} PDF) generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

// a session: the app on the library, in Chromium; `warmPages`: page pictures drawn ahead in idle time
const cacheDir = path.join(home, 'cache', 'pages');
async function session(warmPages) {
  const harness = await startHarness({ home, rendererDir: path.join(repo, 'out', 'renderer'), workerScript: path.join(repo, 'out', 'node', 'workers', 'pipeline.js'), warmPages });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(harness.url);
  await page.getByTestId('report-row').first().waitFor();
  return { harness, browser, page, close: async () => (await browser.close(), await harness.close()) };
}

// every page drawn in this run: none is in the cache at the start
fs.rmSync(cacheDir, { recursive: true, force: true });
let { harness, page, close } = await session(false);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(s.length * p))];
  return { n: s.length, median: q(0.5), p95: q(0.95), max: s.at(-1) };
};
const fmt = ({ n, median, p95, max }) => `median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms (n = ${n})`;
const takeMeasures = (name) =>
  page.evaluate((n) => {
    const d = performance.getEntriesByName(n, 'measure').map((e) => e.duration);
    performance.clearMeasures(n);
    return d;
  }, name);
const measured = async (name) => {
  await page.waitForFunction((n) => performance.getEntriesByName(n, 'measure').length > 0, name, { timeout: 30_000 });
  return (await takeMeasures(name))[0];
};
/** [source on screen (words or picture), picture decoded, the form on screen after it] */
const opened = async () => [await measured('review-open'), await measured('review-picture'), await measured('review-form')];

// baselines
const roundTrips = await page.evaluate(async () => {
  const token = document.querySelector('meta[name="nianbao-token"]').content;
  const out = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await (await fetch('/api/call/library:info', { method: 'POST', headers: { 'x-nianbao-token': token, 'content-type': 'application/json' }, body: '{}' })).json();
    out.push(performance.now() - t0);
  }
  return out;
});
const bareFocus = await page.evaluate(() => {
  const a = document.createElement('button');
  const b = document.createElement('button');
  document.body.append(a, b);
  const out = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    (i % 2 ? a : b).focus();
    (i % 2 ? a : b).getBoundingClientRect();
    out.push(performance.now() - t0);
  }
  a.remove();
  b.remove();
  return out;
});

// the first open after start: report #1 is a PDF
await page.getByTestId('report-row').first().dblclick();
await page.getByTestId('review').waitFor();
const [, first, firstForm] = await opened();
await page.getByTestId('page-box').waitFor();

// the next reports in the queue, each read for a while (the next one is prefetched meanwhile)
const next = [];
for (let i = 0; i < 20; i++) {
  await page.waitForTimeout(READ_MS);
  await page.keyboard.press('j');
  next.push(await opened());
}
const pdfSource = await page.getByTestId('source-page').count();

// focus moves on a PDF source: through the 表三 grid
const moves = ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Tab'];
const focusRun = async () => {
  await takeMeasures('review-focus');
  for (let i = 0; i < 200; i++) await page.keyboard.press(moves[i % moves.length]);
  return takeMeasures('review-focus');
};
const focusPdf = await focusRun();

// reports opened from the library (not prefetched): back to the list, 40 rows on, 核对
/** J `n` times in the library, each once the list has moved (it looks the next row up) */
const down = async (n) => {
  const title = page.getByTestId('detail').locator('h2');
  for (let j = 0; j < n; j++) {
    const before = await title.innerText();
    await page.keyboard.press('j');
    await page.waitForFunction((b) => document.querySelector('[data-testid="detail"] h2')?.textContent !== b, before);
  }
};
const fromList = async () => {
  const out = [];
  for (let i = 0; i < Number(process.env.BENCH_FROM_LIST ?? 10); i++) {
    await page.keyboard.press('l');
    await page.getByTestId('detail').waitFor();
    await down(40);
    await page.getByTestId('open-review').click();
    out.push(await opened());
  }
  return out;
};
const cold = await fromList();
const rt = stats(roundTrips);
console.log(`load average at the start ${os.loadavg()[0].toFixed(1)} (${os.cpus().length} cores)`);
console.log(`baseline API round trip (library:info): ${fmt(rt)}`);
/** one line per case: the page picture on screen against the target */
const line = (label, runs) => {
  const shown = stats(runs.map((r) => r[0]));
  const pictured = stats(runs.map((r) => r[1]));
  const form = stats(runs.map((r) => r[2]));
  console.log(`${label}: page image on screen ${fmt(pictured)} — target ≤ 200 ms; ${(pictured.median / rt.median).toFixed(1)}× a round trip; words and box before it median ${shown.median.toFixed(1)} ms; the form after it median ${form.median.toFixed(1)} ms`);
};
console.log(`open, first after start (PDF engine cold, page not drawn before): page image on screen after ${first.toFixed(0)} ms, the form after ${firstForm.toFixed(0)} ms`);
line(`open next in queue (prefetched while reading ${READ_MS} ms)${pdfSource ? '' : ' (NO PAGE SHOWN)'}`, next);
line('COLD open from the list, page never drawn (no warming)', cold);
if (process.env.BENCH_QUICK) {
  await close();
  if (!keep) fs.rmSync(home, { recursive: true, force: true });
  process.exit(0);
}

// focus moves on a text source (an HTML report)
await page.keyboard.press('l');
await page.getByTestId('detail').waitFor();
await down(1);
await page.getByTestId('open-review').click();
await page.getByTestId('source-text').waitFor();
const textOpen = await measured('review-open');
const textForm = await measured('review-form');
await page.waitForTimeout(300);
const focusText = await focusRun();

// imports (generated web/text reports, a new set each time), with and without pages left to draw ahead
const IMPORT_N = Number(process.env.BENCH_IMPORT ?? 500);
const seedsDir = path.join(repo, 'test', 'fixtures', 'seeds');
const seeds = fs.readdirSync(seedsDir).map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
let sets = 0;
const importSet = async (n = IMPORT_N) => {
  const tag = `s${sets++}-${Date.now()}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nianbao-bench-in-${tag}-`));
  for (let i = 0; i < n; i++) {
    const body = seeds[i % seeds.length].replace(/\d+/g, (d) => String((Number(d.slice(0, 6)) * 7 + i) % 100000));
    fs.writeFileSync(path.join(dir, `${tag}-${i}.txt`), `${body}\n编号 ${tag}-${i}`);
  }
  const t = performance.now();
  const done = new Promise((resolve) => {
    const off = harness.host.on('job:done', (summary) => (off(), resolve(summary)));
  });
  const started = await harness.host.dispatch('import:start', { paths: [dir] });
  if (!started.ok) throw new Error(started.message);
  const summary = await done;
  const seconds = (performance.now() - t) / 1000;
  fs.rmSync(dir, { recursive: true, force: true });
  return summary.imported / seconds;
};
const importPlain = await importSet();
await close();

// the next session warms pages in idle time: every page drawn from now on comes from it or the screen
fs.rmSync(cacheDir, { recursive: true, force: true });
({ harness, page, close } = await session(true));
const pdfReports = (await harness.host.dispatch('library:ids', { query: { filters: { fileKinds: ['pdf'] } } })).value.length;
const cachedFiles = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).flatMap((d) => fs.readdirSync(path.join(cacheDir, d)).map((f) => path.join(cacheDir, d, f))) : []);
/** idle until `target` pages are drawn (or nothing more is drawn for a minute) */
const warmUntil = async (target) => {
  let warmed = cachedFiles().length;
  for (let still = 0; warmed < target && still < 30; ) {
    await page.waitForTimeout(2000);
    const now = cachedFiles().length;
    still = now === warmed ? still + 1 : 0;
    warmed = now;
  }
  return warmed;
};
const warmStart = performance.now();
const warmed = await warmUntil(pdfReports);
const warmSeconds = (performance.now() - warmStart) / 1000;
const cacheMb = cachedFiles().reduce((n, f) => n + fs.statSync(f).size, 0) / 2 ** 20;

await page.getByTestId('report-row').first().dblclick();
await page.getByTestId('review').waitFor();
const [, firstWarm, firstWarmForm] = await opened();
const warmCold = await fromList();
await page.keyboard.press('l');
await page.getByTestId('detail').waitFor();

// does warming slow an import? Rounds of: an import started while warming is drawing (pages taken
// out of the cache, a one-file import to set it going), then one once it has nothing left to draw
const rounds = [];
for (let r = 0; r < Number(process.env.BENCH_IMPORT_ROUNDS ?? 2); r++) {
  const files = cachedFiles().slice(0, 200);
  for (const f of files) fs.rmSync(f);
  await importSet(1);
  await page.waitForTimeout(5000);
  const drawing = await importSet();
  await warmUntil(pdfReports);
  await page.waitForTimeout(3000);
  rounds.push([drawing, await importSet()]);
}
await close();
if (!keep) fs.rmSync(home, { recursive: true, force: true });

const bf = stats(bareFocus);
console.log(`warming in idle time: ${warmed} of ${pdfReports} PDF reports' opening pages drawn in ${warmSeconds.toFixed(0)} s, ${(warmed / warmSeconds).toFixed(1)} pages/s, cache ${cacheMb.toFixed(0)} MB`);
console.log(`open, first after start, page drawn ahead: page image on screen after ${firstWarm.toFixed(0)} ms, the form after ${firstWarmForm.toFixed(0)} ms`);
line('open from the list, page drawn ahead in idle time', warmCold);
const ratios = rounds.map(([w, n]) => w / n);
console.log(
  `import of ${IMPORT_N} text reports: ${importPlain.toFixed(0)} docs/s in a session without warming; with warming: ${rounds.map(([w, n]) => `${w.toFixed(0)} docs/s started while it was drawing vs ${n.toFixed(0)} once it was done`).join('; ')} — ratio ${ratios.map((x) => x.toFixed(2)).join(', ')} (1.00 = no slowdown)`,
);
console.log(`open a text report (HTML source): text on screen ${textOpen.toFixed(1)} ms, the form ${textForm.toFixed(1)} ms`);
console.log(`focus move, PDF source (box): ${fmt(stats(focusPdf))} — target ≤ 16 ms`);
console.log(`focus move, text source (highlight): ${fmt(stats(focusText))} — target ≤ 16 ms`);
console.log(`load average at the end ${os.loadavg()[0].toFixed(1)}`);
console.log(`baseline bare DOM focus change: ${fmt(bf)}; a focus move costs ${(stats(focusPdf).median / Math.max(bf.median, 0.01)).toFixed(0)}× it (PDF)`);
