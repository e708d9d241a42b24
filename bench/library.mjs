// Library benchmark: the list's filter/sort/search/window calls timed through the API host on a
// generated library of 10,000 reports with full figures and text, and of 100,000 reports (figures
// of the metadata only) for the list; then the list in Chromium on the 100,000 (first rows,
// filter, scroll). Targets on a 2-core machine: filter/sort ≤ 100 ms at 10,000, full-text
// query ≤ 150 ms. Every figure is the median of several runs after a change to the library
// (the core caches a query's order until the library changes), with the ratio to a baseline
// measured in the same run: the unfiltered list in id order.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiHost, indexPendingText, insertReport, openLibrary, processFile, rankPending } from '../out/node/core.js';
import { generatedReport } from './generate.mjs';

const FULL = Number(process.env.BENCH_REPORTS ?? 10_000);
const LIST = Number(process.env.BENCH_LIST_REPORTS ?? 100_000);
const RUNS = 5;
const TEMPLATES = 40;
// BENCH_DIR keeps the generated libraries there and reuses them (for repeated runs)
const keep = process.env.BENCH_DIR;
const root = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-library-'));

/** Extractions of generated reports, to stamp onto many reports without running the pipeline for each. */
async function templates() {
  const out = [];
  for (let i = 0; i < TEMPLATES; i++) {
    const g = generatedReport(i);
    const r = await processFile({ bytes: Buffer.from(g.data), name: g.name, sha256: String(i) });
    if (!r.ok) throw new Error(`${g.name}: ${r.message}`);
    out.push(r.value);
  }
  return out;
}

/** A library of n reports, inserted through the store in one transaction. */
function generateLibrary(home, n, tpl, { light }) {
  if (keep && fs.existsSync(path.join(home, 'library.sqlite'))) return { inserted: 0, indexed: 0 };
  const lib = openLibrary({ home });
  // one long transaction: a page cache that holds it (this connection only)
  lib.db.pragma('cache_size = -262144');
  const t0 = performance.now();
  lib.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const g = generatedReport(i);
      const t = tpl[i % tpl.length];
      const meta = { 'meta.agency': g.agency, 'meta.year': g.year, 'meta.region': `湖南省${g.place}` };
      const fields = (light ? t.fields.filter((f) => f.key.startsWith('meta.')) : t.fields).map((f, k) =>
        f.key in meta ? { ...f, value: meta[f.key] } : k === i % 7 ? { ...f, confidence: Math.round((0.3 + (i % 70) / 100) * 100) / 100 } : f,
      );
      const sha256 = crypto.createHash('sha256').update(String(i)).digest('hex');
      // the list reads only failing checks: light reports keep those
      const checks = light ? t.checks.filter((c) => !c.ok) : t.checks;
      insertReport(lib.db, {
        file: { sha256, size: g.data.length, kind: t.kind, encoding: t.encoding, name: g.name, path: `/报告/${g.name}` },
        jobId: null,
        pages: [{ page: 0, text: light ? g.text.slice(0, 80) : g.text, tables: null }],
        fields,
        checks,
        unmapped: [],
        minhash: t.minhash,
        duplicateOf: null,
      });
    }
  })();
  const inserted = performance.now() - t0;
  indexPendingText(lib.db);
  const indexed = performance.now() - t0 - inserted;
  // as an import ends: the Chinese-order ranks of its values
  const cpu = process.cpuUsage();
  const t1 = performance.now();
  rankPending(lib.db);
  const used = process.cpuUsage(cpu);
  const ranked = { ms: performance.now() - t1, cpu: (used.user + used.system) / 1000 };
  lib.close();
  return { inserted, indexed, ranked };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function call(host, method, args) {
  const r = await host.dispatch(method, args);
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
  return r.value;
}

/** Wall and CPU milliseconds of one call (the core runs on this thread: CPU time is its own work). */
async function once(host, method, args) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await call(host, method, args);
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - t, cpu: (used.user + used.system) / 1000, value };
}

/** Median times of a call right after a change to the library (no cached order). */
async function cold(host, method, args) {
  const runs = [];
  for (let k = 0; k < RUNS; k++) {
    await call(host, 'view:save', { name: 'bench', query: { search: String(k) } });
    runs.push(await once(host, method, args));
  }
  return { ms: median(runs.map((r) => r.ms)), cpu: median(runs.map((r) => r.cpu)), value: runs.at(-1).value };
}

async function warm(host, method, args) {
  await call(host, method, args);
  const times = [];
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    await call(host, method, args);
    times.push(performance.now() - t);
  }
  return median(times);
}

const fmt = (ms, cpu) => `${ms.toFixed(1).padStart(7)} ms${cpu === undefined ? '' : ` (cpu ${cpu.toFixed(1).padStart(5)})`}`;

async function coreBench(home, n, { search }) {
  const host = createApiHost({ home });
  // the first sort by a text column after the import ranked its values
  const firstSorts = [];
  for (const key of ['agency', 'region', 'fileName']) firstSorts.push([key, await once(host, 'library:list', { query: { sort: { key, desc: false } }, offset: 0, limit: 100 })]);
  const all = await call(host, 'library:ids', { query: {} });
  // a realistic mix: a third verified (where no rule fails), 1% in the trash
  const verify = await once(host, 'library:verify', { ids: all.filter((_, i) => i % 3 === 0) });
  const trashed = await once(host, 'trash:move', { ids: all.filter((_, i) => i % 100 === 7) });
  const counts = await call(host, 'library:counts', {});
  const rule = counts.rules[0]?.rule;
  const page = { offset: 0, limit: 100 };
  const base = await cold(host, 'library:list', { query: {}, ...page });
  const cases = [
    ['sort by agency (Chinese order)', { sort: { key: 'agency', desc: false } }],
    ['sort by region, descending', { sort: { key: 'region', desc: true } }],
    ['sort by file name (100% distinct)', { sort: { key: 'fileName', desc: false } }],
    ['sort by failed checks', { sort: { key: 'failedChecks', desc: true } }],
    ['sort by lowest confidence', { sort: { key: 'minConfidence', desc: false } }],
    ['filter status = unreviewed', { filters: { statuses: ['unreviewed'] } }],
    [`filter failed rule ${rule}`, { filters: { failedRules: [rule] } }],
    ['filter agency contains 民政', { filters: { agency: '民政' } }],
    ['filter years 2017–2019 + layout set', { filters: { yearFrom: 2017, yearTo: 2019, formats: ['legacy', 'narrative', null] } }],
    ['filter + sort: unreviewed, failing, by agency', { filters: { statuses: ['unreviewed'], failedMin: 1 }, sort: { key: 'agency', desc: false } }],
    ['filter + sort: unreviewed, by file name', { filters: { statuses: ['unreviewed'] }, sort: { key: 'fileName', desc: false } }],
    ['trash view', { trash: true }],
  ];
  if (search) {
    cases.push(
      ['full-text 信息公开工作 (every report)', { search: '信息公开工作' }],
      ['full-text 七彩云端 (one seed in five)', { search: '七彩云端' }],
      ['full-text + filter + sort', { search: '信息公开', filters: { statuses: ['unreviewed'] }, sort: { key: 'agency', desc: false } }],
      ['two-character search 民政 (scan)', { search: '民政' }],
    );
  }
  console.log(`\n${n.toLocaleString('en')} reports (${counts.trash} in the trash, ${counts.statuses.verified} verified, ${counts.rules.length} failing rules)`);
  console.log(`  ${'(median of 5 after a change; wall time, and CPU time of this process)'}`);
  for (const [key, r] of firstSorts) console.log(`  ${`first sort by ${key}`.padEnd(52)}${fmt(r.ms, r.cpu)}`);
  console.log(`  ${'baseline: list in id order, first 100 rows'.padEnd(52)}${fmt(base.ms, base.cpu)}  total ${base.value.total}`);
  for (const [label, query] of cases) {
    const r = await cold(host, 'library:list', { query, ...page });
    console.log(`  ${label.padEnd(52)}${fmt(r.ms, r.cpu)}  ${(r.ms / base.ms).toFixed(1).padStart(5)}× baseline  ${String(r.value.total).padStart(7)} rows`);
  }
  const sorted = { sort: { key: 'agency', desc: false } };
  const deep = Math.max(0, n - 5000);
  console.log(`  ${'window of 100 rows at offset ' + deep + ' (order cached)'}`.padEnd(54) + fmt(await warm(host, 'library:list', { query: sorted, offset: deep, limit: 100 })));
  console.log(`  ${'select all: every id of the query (cached)'.padEnd(52)}${fmt(await warm(host, 'library:ids', { query: sorted }))}`);
  const counted = await cold(host, 'library:counts', {});
  console.log(`  ${'counts (statuses, layouts, file types, rules)'.padEnd(52)}${fmt(counted.ms, counted.cpu)}`);
  // after changes that move the counts: statuses (a verify), the trash and failing rules (a trash move)
  const changed = [];
  for (let k = 0; k < RUNS; k++) {
    await call(host, 'library:verify', { ids: all.slice(1 + k * 7, 4 + k * 7), note: 'bench' });
    await call(host, 'trash:move', { ids: [all[5 + k * 7]] });
    changed.push(await once(host, 'library:counts', {}));
  }
  const after = { ms: median(changed.map((r) => r.ms)), cpu: median(changed.map((r) => r.cpu)) };
  console.log(`  ${'counts after a verify and a trash move (target < 82)'.padEnd(52)}${fmt(after.ms, after.cpu)}`);
  console.log(`  ${`move ${trashed.value.moved} reports to the trash (next years checked again)`.padEnd(52)}${fmt(trashed.ms, trashed.cpu)}`);
  console.log(`  ${`bulk verify of ${Math.ceil(all.length / 3)} reports (${verify.value.verified} verified, ${verify.value.refusedIds.length} refused)`.padEnd(52)}${fmt(verify.ms, verify.cpu)}`);
  await host.close();
}

const tpl = await templates();
console.log(`library bench: ${FULL.toLocaleString('en')} reports with figures and text, ${LIST.toLocaleString('en')} for the list`);
const full = path.join(root, 'full');
const g1 = generateLibrary(full, FULL, tpl, { light: false });
const rate = (n, ms) => `${Math.round(n / (ms / 1000)).toLocaleString('en')} reports/s`;
const generated = (n, g) =>
  g.inserted &&
  console.log(`generated ${n} reports: insert ${(g.inserted / 1000).toFixed(1)} s (${rate(n, g.inserted)}), full-text index ${(g.indexed / 1000).toFixed(1)} s, Chinese-order ranks ${fmt(g.ranked.ms, g.ranked.cpu).trim()}`);
generated(FULL, g1);
const list = path.join(root, 'list');
const g2 = generateLibrary(list, LIST, tpl, { light: true });
generated(LIST, g2);
await coreBench(full, FULL, { search: true });
await coreBench(list, LIST, { search: false });
if (process.env.BENCH_BROWSER !== '0') await (await import('./library-browser.mjs')).browserBench(list, LIST);
if (!keep) fs.rmSync(root, { recursive: true, force: true });
