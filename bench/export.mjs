/* global document, requestAnimationFrame -- in page.evaluate callbacks, which run in Chromium */
// Export and analysis benchmark over a generated library of N reports (default 10,000).
// The library is made fast: the generator of bench/import.mjs, a few dozen documents through the
// real pipeline, then N reports stored through the store functions with their figures varied.
// Each export runs in its own process, so its time and peak RSS are its own. Baseline in the same
// run: reading every field row out of SQLite and writing it as a line (the floor of any export).
// Targets on the 2-core machine: XLSX ≤ 15 s, CSV ≤ 3 s, peak RSS ≤ 500 MB; analysis ≤ 300 ms.
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { agencies, agencyTrend, changeField, compliance, groupStats, indexPendingText, insertReport, openLibrary, processFile, runExport } from '../out/node/core.js';
import { generatedReport } from './generate.mjs';

const N = Number(process.env.BENCH_REPORTS ?? 10000);
const DISTINCT = 40;
const REGIONS = ['湖南省岳阳市', '湖南省长沙市', '福建省福州市', '云南省临沧市', '四川省广元市'];
const self = fileURLToPath(import.meta.url);
const ms = (t) => performance.now() - t;
const rssMb = () => process.resourceUsage().maxRSS / 1024;
const EXPORT_WORKER = new URL('../out/node/workers/export.js', import.meta.url);

async function child(task, home) {
  const lib = openLibrary({ home });
  const out = path.join(home, 'bench-out');
  fs.mkdirSync(out, { recursive: true });
  const result = {};
  const t = performance.now();
  const cpu = process.cpuUsage();
  if (task === 'baseline') {
    const fd = fs.openSync(path.join(out, 'baseline.txt'), 'w');
    let buf = [];
    for (const r of new Database(lib.dbPath, { readonly: true }).prepare('SELECT report_id, key, value, status FROM fields').raw().iterate()) {
      buf.push(r.join(','));
      if (buf.length > 10000) {
        fs.writeSync(fd, buf.join('\n'));
        buf = [];
      }
    }
    fs.writeSync(fd, buf.join('\n'));
    fs.closeSync(fd);
  } else if (task === 'analysis') {
    const time = (name, fn) => {
      const s = performance.now();
      const value = fn();
      result[name] = ms(s);
      return value;
    };
    const list = time('agencies', () => agencies(lib.db));
    time('agencyTrend', () => agencyTrend(lib.db, list[0].agency));
    for (const by of ['year', 'province', 'level']) time(`groups.${by}`, () => groupStats(lib.db, by));
    time('compliance.first', () => compliance(lib.db));
    time('compliance', () => compliance(lib.db));
  } else if (task.startsWith('render')) {
    // the views in Chromium through the browser harness: from the click to the table on screen;
    // "render:warm": as after an import, no report outlined yet, the app left idle until the
    // views' first answers are made ahead (how long that takes, and its CPU, printed too)
    const warm = task === 'render:warm';
    if (warm) new Database(lib.dbPath).exec('DELETE FROM report_outlines').close();
    const { startHarness } = await import('../out/node/harness.js');
    const { chromium } = await import('playwright-core');
    const harness = await startHarness({ home, rendererDir: fileURLToPath(new URL('../out/renderer', import.meta.url)), warmAnalysis: warm });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(harness.url);
      await page.getByTestId('library').waitFor();
      if (warm) {
        const made = await harness.host.analysisWarmed();
        result[`made ahead (${made.outlined} outlined)`] = made.workMs;
      }
      // in the page: from the click event to the first frame drawn with the rows (Playwright's
      // own waits for the button to be clickable are left out)
      const view = async (name, click, ready, text = '') => {
        const shown = page.evaluate(
          ([selector, text]) =>
            new Promise((resolve) =>
              document.addEventListener(
                'click',
                (e) => {
                  const there = () => [...document.querySelectorAll(selector)].some((el) => el.textContent.includes(text));
                  const check = () => (there() ? requestAnimationFrame(() => resolve(performance.now() - e.timeStamp)) : requestAnimationFrame(check));
                  check();
                },
                { once: true, capture: true },
              ),
            ),
          [ready, text],
        );
        await page.getByTestId(click).click();
        result[name] = await shown;
      };
      // first visits: the agency view, then each tab as soon as the one before is shown (what the
      // core makes in the background while the first tab is read may not be ready yet)
      await view('agency', 'analysis-open', '[data-testid="trend-table"] tbody tr');
      await view('groups', 'tab-groups', '[data-testid="groups-table"] tbody tr');
      await view('groups.level', 'group-by-level', '[data-testid="groups-table"] [data-testid="group-county"]');
      await view('compliance', 'tab-compliance', '[data-testid="compliance-table"] tbody tr');
      await view('compliance.next', 'compliance-pager-next', '[data-testid="compliance-pager"]', '101–200');
      // visits again (made once until the library changes)
      await view('groups.again', 'tab-groups', '[data-testid="groups-table"] tbody tr');
      await view('compliance.again', 'tab-compliance', '[data-testid="compliance-table"] tbody tr');
    } finally {
      await browser.close();
      await harness.close();
    }
  } else {
    // "csv@1": the same export in this thread only (no export workers), for the ratio
    const [format, oneThread] = task.split('@');
    const r = await runExport(lib, format, path.join(out, `export-${format}.${format === 'json' ? 'json' : format === 'xlsx' ? 'xlsx' : 'csv'}`), {}, oneThread ? undefined : EXPORT_WORKER);
    result.reports = r.reports;
    result.bytes = fs.statSync(r.path).size;
  }
  result.seconds = ms(t) / 1000;
  const used = process.cpuUsage(cpu);
  result.cpu = (used.user + used.system) / 1e6;
  result.rss = rssMb();
  lib.close();
  process.stdout.write(JSON.stringify(result));
}

/** Counts vary from report to report; zeros stay zeros, as most cells of real tables are. */
function vary(value, i) {
  return typeof value === 'number' && Number.isInteger(value) && value !== 0 ? value + (i % 7) : value;
}

async function makeLibrary(home) {
  // the generator's documents (mostly legacy and narrative) and the 2019/2021 fixture reports, so
  // the library has full 表三 and 表四 like a real one
  const sources = Array.from({ length: DISTINCT }, (_, i) => generatedReport(i));
  const fixtures = new URL('../test/fixtures/reports/', import.meta.url);
  for (const name of fs.readdirSync(fixtures).filter((n) => /^20(19|21)-(pipe|html-official|cell-lines)\./.test(n))) sources.push({ name, data: fs.readFileSync(new URL(name, fixtures)) });
  const docs = [];
  for (const g of sources) {
    const r = await processFile({ bytes: Buffer.from(g.data), name: g.name, sha256: 'x' });
    if (r.ok) docs.push(r.value);
  }
  const lib = openLibrary({ home });
  const insert = lib.db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const g = generatedReport(i);
      // every other report from a 2019/2021 fixture
      const doc = i % 2 ? docs[DISTINCT + ((i >> 1) % (docs.length - DISTINCT))] : docs[(i >> 1) % DISTINCT];
      const sha256 = crypto.createHash('sha256').update(`report ${i}`).digest('hex');
      const meta = { 'meta.agency': g.agency, 'meta.year': g.year, 'meta.region': `${REGIONS[i % REGIONS.length]}${g.agency.slice(0, 3)}` };
      const fields = doc.fields.map((f) => ({ ...f, value: f.key in meta ? meta[f.key] : f.key.startsWith('meta.') ? f.value : vary(f.value, i), source: { ...f.source, sha256 } }));
      for (const [key, value] of Object.entries(meta)) if (!fields.some((f) => f.key === key)) fields.push({ key, value, text: null, confidence: 1, status: 'auto', source: { sha256 } });
      insertReport(lib.db, { file: { sha256, size: g.data.length, kind: doc.kind, encoding: doc.encoding, name: g.name, path: `/bench/${g.name}` }, jobId: null, pages: doc.pages, fields, checks: doc.checks, unmapped: doc.unmapped, minhash: doc.minhash, duplicateOf: null });
    }
  });
  for (let i = 0; i < N; i += 500) insert(i, Math.min(N, i + 500));
  for (let i = 0; i < N; i += 97) {
    const key = lib.db.prepare("SELECT key FROM fields WHERE report_id = ? AND typeof(value) = 'integer' AND key NOT LIKE 'meta.%' LIMIT 1").pluck().get(i + 1);
    if (key) changeField(lib.db, { reportId: i + 1, key, value: 1, status: 'corrected', by: 'bench' });
  }
  indexPendingText(lib.db);
  const fields = lib.db.prepare('SELECT count(*) FROM fields').pluck().get();
  lib.close();
  return fields;
}

function run(task, home) {
  const r = spawnSync(process.execPath, [self, '--child', task, home], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${task}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
} else {
  // BENCH_LIBRARY=folder reuses (or keeps) a generated library between runs
  const root = process.env.BENCH_LIBRARY ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-export-'));
  const home = path.join(root, 'lib');
  try {
    if (!fs.existsSync(home)) {
      const t = performance.now();
      const fields = await makeLibrary(home);
      console.log(`library: ${N} reports, ${fields} field rows, generated in ${(ms(t) / 1000).toFixed(1)} s`);
    }
    const base = run('baseline', home);
    console.log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (wall times stretch under load; CPU times less so)`);
    console.log(`baseline (every field row read and written as a line): ${base.seconds.toFixed(2)} s (CPU ${base.cpu.toFixed(2)} s), peak RSS ${base.rss.toFixed(0)} MB`);
    const targets = { xlsx: 15, csv: 3, 'csv@1': 3, 'csv-wide': 3, 'csv-wide@1': 3, json: null, 'json@1': null };
    for (const [format, target] of Object.entries(targets)) {
      const r = run(format, home);
      const mb = (r.bytes / 2 ** 20).toFixed(0);
      console.log(
        `export ${format.padEnd(10)} ${r.reports} reports in ${r.seconds.toFixed(2)} s${target ? ` (target ≤ ${target} s)` : ''} (CPU ${r.cpu.toFixed(2)} s), ${mb} MB, ` +
          `peak RSS ${r.rss.toFixed(0)} MB (target ≤ 500), ${(r.seconds / base.seconds).toFixed(1)}× the baseline's wall, ${(r.cpu / base.cpu).toFixed(1)}× its CPU`,
      );
    }
    const a = run('analysis', home);
    console.log(`analysis over ${N} reports (target ≤ 300 ms each), peak RSS ${a.rss.toFixed(0)} MB:`);
    const timings = (r) => Object.entries(r).filter(([k]) => !['seconds', 'cpu', 'rss'].includes(k));
    for (const [name, value] of timings(a)) console.log(`  ${name.padEnd(18)} ${value.toFixed(0)} ms${name === 'compliance.first' ? ' (outlines every report once, then cached)' : ''}`);
    if (fs.existsSync('/usr/bin/chromium')) {
      const [cold, warm] = [run('render', home), run('render:warm', home)];
      console.log('the views in Chromium, click to table shown (API over HTTP + React; target ≤ 300 ms):');
      console.log(`  ${'view'.padEnd(18)} ${'not made ahead'.padStart(15)} ${'made ahead in idle time'.padStart(24)}`);
      for (const [name, value] of timings(warm)) {
        const target = name.startsWith('made ahead') ? '' : value <= 300 ? '  ≤ 300 ms: met' : '  ≤ 300 ms: missed';
        console.log(`  ${name.padEnd(18)} ${name in cold ? `${cold[name].toFixed(0)} ms`.padStart(15) : ''.padStart(15)} ${`${value.toFixed(0)} ms`.padStart(24)}${target}`);
      }
    }
  } finally {
    if (!process.env.BENCH_LIBRARY) fs.rmSync(root, { recursive: true, force: true });
  }
}
