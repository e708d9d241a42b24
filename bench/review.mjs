// Review-screen speed on a 10,000-report library, in Chromium with the built renderer against the
// browser harness (the same core and API handlers as the desktop app):
// - opening a report with its page image: from the key press (J, or the 核对 button) to the page
//   picture decoded on screen (performance.measure 'review-open' in the renderer). Three cases:
//   the first open after start (PDF engine cold), the next report in the queue (prefetched while
//   the person reads the current one), and a report opened from the list (not prefetched);
// - moving the focus cell to cell: from the keydown to the end of the layout effect that moved the
//   DOM focus, the source highlight or box and scrolled them into view (performance.measure
//   'review-focus'), on a PDF source and on a text source.
// Targets: open ≤ 200 ms, focus move ≤ 16 ms. Baselines in the same run: one API round trip
// (library:info) and a bare DOM focus change between two buttons.
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

const harness = await startHarness({ home, rendererDir: path.join(repo, 'out', 'renderer'), workerScript: path.join(repo, 'out', 'node', 'workers', 'pipeline.js') });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await page.goto(harness.url);
await page.getByTestId('report-row').first().waitFor();

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
/** [source on screen (words or picture), picture decoded] */
const opened = async () => [await measured('review-open'), await measured('review-picture')];

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
const [, first] = await opened();
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
const cold = [];
for (let i = 0; i < 8; i++) {
  await page.keyboard.press('l');
  await page.getByTestId('detail').waitFor();
  for (let j = 0; j < 40; j++) await page.keyboard.press('j');
  await page.getByTestId('open-review').click();
  cold.push(await opened());
}

// focus moves on a text source (an HTML report)
await page.keyboard.press('l');
await page.getByTestId('detail').waitFor();
await page.keyboard.press('j');
await page.getByTestId('open-review').click();
await page.getByTestId('source-text').waitFor();
const textOpen = await measured('review-open');
await page.waitForTimeout(300);
const focusText = await focusRun();

await browser.close();
await harness.close();
if (!keep) fs.rmSync(home, { recursive: true, force: true });

const rt = stats(roundTrips);
const bf = stats(bareFocus);
console.log(`baseline API round trip (library:info): ${fmt(rt)}`);
const line = (label, runs) => {
  const shown = stats(runs.map((r) => r[0]));
  const pictured = stats(runs.map((r) => r[1]));
  console.log(`${label}: page image on screen ${fmt(pictured)}; words and box before it ${fmt(shown)} — target ≤ 200 ms; ${(pictured.median / rt.median).toFixed(1)}× a round trip`);
};
console.log(`open, first after start (PDF engine cold): page image on screen after ${first.toFixed(0)} ms`);
line(`open next in queue (prefetched while reading ${READ_MS} ms)${pdfSource ? '' : ' (NO PAGE SHOWN)'}`, next);
line('open from the list (not prefetched)', cold);
console.log(`open a text report (HTML source): ${textOpen.toFixed(1)} ms`);
console.log(`focus move, PDF source (box): ${fmt(stats(focusPdf))} — target ≤ 16 ms`);
console.log(`focus move, text source (highlight): ${fmt(stats(focusText))} — target ≤ 16 ms`);
console.log(`baseline bare DOM focus change: ${fmt(bf)}; a focus move costs ${(stats(focusPdf).median / Math.max(bf.median, 0.01)).toFixed(0)}× it (PDF)`);
