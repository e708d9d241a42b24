// Accuracy of import → export against hand-checked truth: field accuracy per layout and source
// shape, recall, wrong and invented values, broken rules flagged, false alarms. A report, not a
// test: it prints and exits 0. Truth sets: seeds, real reports, and the generated corpus if present.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../out/node/cli.js';

const fixtures = new URL('../test/fixtures/', import.meta.url).pathname;
const SETS = [
  { dir: 'seeds', truth: 'truth/seeds.json', shape: 'seed-text' },
  { dir: 'real', truth: 'real/truth.json', shape: 'real-web-copy' },
  { dir: 'reports', truth: 'reports/truth.json' },
  { dir: 'awkward', truth: 'awkward/truth.json' },
].filter((s) => fs.existsSync(path.join(fixtures, s.truth)));

const quiet = { out: () => {}, err: () => {}, isTTY: false };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-accuracy-'));
const db = path.join(work, 'library.sqlite');
for (const set of SETS) await main(['import', path.join(fixtures, set.dir), '--db', db], quiet);
await main(['export', '--db', db, '--format', 'json', '--out', path.join(work, 'export.json')], quiet);
const exported = JSON.parse(fs.readFileSync(path.join(work, 'export.json'), 'utf8')).reports;
fs.rmSync(work, { recursive: true, force: true });

const byFile = new Map();
for (const r of exported) for (const f of r.files) byFile.set(f.name, r);
const same = (a, b) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b);

const groups = new Map();
const tally = (name) => groups.get(name) ?? groups.set(name, { right: 0, total: 0 }).get(name);
let nonNull = 0;
let recalled = 0;
const wrong = [];
const invented = [];
let broken = 0;
let flagged = 0;
let clean = 0;
let alarms = 0;
const perDoc = [];

for (const set of SETS) {
  const truth = JSON.parse(fs.readFileSync(path.join(fixtures, set.truth), 'utf8')).documents;
  for (const doc of truth) {
    const report = byFile.get(doc.file);
    const shape = doc.shape ?? set.shape;
    const layout = doc.layout ?? 'unknown';
    let right = 0;
    const misses = [];
    for (const [key, want] of Object.entries(doc.fields)) {
      const got = report?.fields[key]?.value ?? null;
      const ok = same(got, want);
      for (const g of [`layout ${layout}`, `shape ${shape}`, 'all']) {
        const t = tally(g);
        t.total++;
        if (ok) t.right++;
      }
      if (ok) right++;
      else misses.push(key);
      if (want !== null) {
        nonNull++;
        if (ok) recalled++;
        else wrong.push(`${doc.file} ${key}: want ${want} got ${got}`);
      } else if (got !== null) invented.push(`${doc.file} ${key}: ${got}`);
    }
    // values for keys the truth does not list at all are invented too
    for (const [key, f] of Object.entries(report?.fields ?? {})) {
      if (!(key in doc.fields) && f.value !== null && !key.startsWith('meta.')) invented.push(`${doc.file} ${key}: ${f.value} (not in truth)`);
    }
    const expected = doc.broken_rules ?? (doc.broken_rule ? ['prose.table_agree'] : []);
    const failing = new Set((report?.checks ?? []).filter((c) => !c.ok).map((c) => c.rule));
    broken += expected.length;
    flagged += expected.filter((r) => failing.has(r)).length;
    if (expected.length === 0) {
      clean++;
      if ([...failing].length > 0) alarms++;
    }
    perDoc.push({ file: doc.file, share: right / Math.max(1, Object.keys(doc.fields).length), misses, missing: !report });
  }
}

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(2)} %` : '—');
console.log('field accuracy (value equals truth, null included):');
for (const [name, t] of [...groups].sort()) console.log(`  ${name.padEnd(28)} ${pct(t.right, t.total).padStart(9)}  (${t.right}/${t.total})`);
console.log(`non-null recall: ${pct(recalled, nonNull)} (${recalled}/${nonNull})`);
console.log(`wrong values: ${wrong.length}`);
wrong.slice(0, 20).forEach((w) => console.log(`  ${w}`));
console.log(`invented values: ${invented.length}`);
invented.slice(0, 20).forEach((w) => console.log(`  ${w}`));
console.log(`broken rules flagged: ${pct(flagged, broken)} (${flagged}/${broken})`);
console.log(`clean documents with a failing check (false alarms): ${pct(alarms, clean)} (${alarms}/${clean})`);
console.log('lowest-accuracy documents:');
perDoc
  .sort((a, b) => a.share - b.share)
  .slice(0, 10)
  .forEach((d) => console.log(`  ${pct(d.share, 1).padStart(9)} ${d.file}${d.missing ? ' (not imported)' : ''} ${d.misses.slice(0, 6).join(', ')}`));
const all = groups.get('all');
console.log(
  `overall: ${pct(all?.right ?? 0, all?.total ?? 0)} field accuracy (target ≥ 99.5 %), ${invented.length} invented (target 0), ` +
    `${pct(flagged, broken)} broken rules flagged (target 100 %), ${pct(alarms, clean)} false alarms (target ≤ 1 %)`,
);
