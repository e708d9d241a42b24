// Accuracy of import → export against hand-checked truth, through the built CLI (npm run bench:accuracy
// builds out/node first). Each truth set is one entry of SETS, imported into a library of its own:
// the generated corpus (reports, awkward), the real reports (real), hand-written documents of real
// phenomena (handmade), the variety of real sites (variety) and the seeds (truth in test/fixtures/truth/seeds.json); a set whose truth is
// missing is skipped; SETS=blind,real picks sets. The blind set (test/fixtures/blind, never tuned
// against) is scored on a line of its own, outside the overall figures. Prints field accuracy per layout, source shape, value quirk and set, recall,
// wrong / invented / missed values, broken rules flagged and false alarms. A report, not a test: it
// exits 0 unless the import itself crashes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../out/node/cli.js';

const fixtures = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const SETS = [
  { name: 'reports', dir: 'reports', truth: 'reports/truth.json', shape: 'generated' },
  { name: 'real', dir: 'real', truth: 'real/truth.json', shape: 'real-web-copy' },
  { name: 'seeds', dir: 'seeds', truth: 'truth/seeds.json', shape: 'seed-text' },
  { name: 'awkward', dir: 'awkward', truth: 'awkward/truth.json', shape: 'generated' },
  { name: 'handmade', dir: 'handmade', truth: 'handmade/truth.json', shape: 'hand-written' },
  { name: 'scanned', dir: 'scans', truth: 'scans/truth.json', shape: 'scanned-pdf' },
  { name: 'variety', dir: 'variety', truth: 'variety/truth.json', shape: 'hand-written' },
  // never tuned against: scored on its own line, outside the overall figures
  { name: 'blind', dir: 'blind', truth: 'blind/truth.json', shape: 'blind', blind: true },
];
const TARGET = { accuracy: 99.5, invented: 0, flagged: 100, falseAlarms: 1 };
/** confidence below which a field is shown to the reviewer (the truth test's UNSURE) */
const REVIEW = 0.6;
const LIST = Number(process.env.LIST ?? 20);

const quietIo = { out() {}, err() {}, isTTY: false };

/**
 * Imports one set into a library of its own and returns the JSON export's reports: sets may hold
 * files of the same name (or the same bytes), which must not be matched across sets.
 */
async function importAndExport(set) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-accuracy-'));
  try {
    const db = path.join(work, 'library.sqlite');
    const code = await main(['import', path.join(fixtures, set.dir), '--db', db], quietIo);
    if (code !== 0) console.log(`warning: import of ${set.dir} exited with ${code}`);
    const out = path.join(work, 'export.json');
    const exported = await main(['export', '--db', db, '--format', 'json', '--out', out], quietIo);
    if (exported !== 0 || !fs.existsSync(out)) throw new Error(`export of ${set.dir} exited with ${exported}`);
    return JSON.parse(fs.readFileSync(out, 'utf8')).reports;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const same = (a, b) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b);
const show = (v) => (typeof v === 'string' ? JSON.stringify(v) : String(v));
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(2)} %` : '—');
/** The truth's broken rules: a list of ids, or (real reports) a prose description of a prose/table disagreement. */
const brokenRules = (doc) => doc.broken_rules ?? (doc.broken_rule ? ['prose.table_agree'] : []);

class Tally {
  groups = new Map();
  add(name, ok) {
    const t = this.groups.get(name) ?? { right: 0, total: 0 };
    t.total++;
    if (ok) t.right++;
    this.groups.set(name, t);
  }
  print(prefix) {
    for (const [name, t] of [...this.groups].filter(([n]) => n.startsWith(prefix)).sort()) {
      console.log(`  ${name.slice(prefix.length).padEnd(26)} ${pct(t.right, t.total).padStart(9)}  (${t.right}/${t.total})`);
    }
  }
  get(name) {
    return this.groups.get(name) ?? { right: 0, total: 0 };
  }
}

function score(sets) {
  const tally = new Tally();
  const s = { nonNull: 0, recalled: 0, wrong: [], invented: [], missed: [], notImported: [], broken: 0, flagged: 0, unflagged: [], clean: 0, alarmed: 0, alarms: new Map(), docs: [], unmappedDocs: 0, unmappedKept: 0, unmappedWrong: [], sure: { right: 0, wrong: [] }, unsure: { right: 0, wrong: 0 } };
  for (const set of sets) {
    const byFile = new Map();
    for (const r of set.reports) for (const f of r.files) if (!byFile.has(f.name)) byFile.set(f.name, r);
    for (const doc of set.documents) {
      const report = byFile.get(doc.file);
      if (!report) s.notImported.push(doc.file);
      const fields = report?.fields ?? {};
      const groups = [`layout ${doc.layout ?? 'unknown'}`, `shape ${doc.shape ?? set.shape}`, ...(doc.quirks ?? []).map((q) => `quirk ${q}`), ...(doc.phenomena ?? []).map((p) => `phenomenon ${p}`), `set ${set.name}`, 'all'];
      const misses = [];
      for (const [key, want] of Object.entries(doc.fields)) {
        const got = fields[key]?.value ?? null;
        const ok = same(got, want);
        // where a reviewer is sent: fields exported below the review threshold
        if (fields[key]) {
          const band = (fields[key].confidence ?? 1) >= REVIEW ? s.sure : s.unsure;
          if (ok) band.right++;
          else if (band === s.sure) band.wrong.push(`${doc.file} ${key}: want ${show(want)} got ${show(got)} (confidence ${fields[key].confidence})`);
          else band.wrong++;
        }
        for (const g of groups) tally.add(g, ok);
        if (!ok) misses.push(key);
        const where = `${doc.file} ${key}`;
        if (want !== null) {
          s.nonNull++;
          if (ok) s.recalled++;
          else if (got === null) s.missed.push(`${where}: want ${show(want)}`);
          else s.wrong.push(`${where}: want ${show(want)} got ${show(got)}`);
        } else if (got !== null) s.invented.push(`${where}: ${show(got)}`);
      }
      // a value for a key the truth does not list at all (another layout's table) is invented too;
      // metadata keys may be left out of hand-written truth
      for (const [key, f] of Object.entries(fields)) {
        if (!(key in doc.fields) && !key.startsWith('meta.') && f.value !== null && f.value !== undefined) s.invented.push(`${doc.file} ${key}: ${show(f.value)} (key not in truth)`);
      }
      const expected = brokenRules(doc);
      const failing = new Set((report?.checks ?? []).filter((c) => !c.ok).map((c) => c.rule));
      s.broken += expected.length;
      for (const rule of expected) {
        if (failing.has(rule)) s.flagged++;
        else s.unflagged.push(`${doc.file}: ${rule}`);
      }
      const extra = [...failing].filter((rule) => !expected.includes(rule));
      if (expected.length === 0) {
        s.clean++;
        if (extra.length > 0) s.alarmed++;
      }
      for (const rule of extra) s.alarms.set(rule, [...(s.alarms.get(rule) ?? []), doc.file]);
      if (doc.unmapped) {
        s.unmappedDocs++;
        const got = (report?.unmapped ?? []).map((u) => u.label);
        if (JSON.stringify(got) === JSON.stringify(doc.unmapped)) s.unmappedKept++;
        else s.unmappedWrong.push(`${doc.file}: want ${JSON.stringify(doc.unmapped)} got ${JSON.stringify(got)}`);
      }
      const total = Object.keys(doc.fields).length;
      s.docs.push({ file: doc.file, share: (total - misses.length) / Math.max(1, total), misses, missing: !report });
    }
  }
  return { tally, ...s };
}

function list(title, items) {
  console.log(`${title}: ${items.length}`);
  for (const item of items.slice(0, LIST)) console.log(`  ${item}`);
  if (items.length > LIST) console.log(`  … ${items.length - LIST} more`);
}

function report(sets, r) {
  console.log(`documents: ${sets.map((s) => `${s.name} ${s.documents.length}`).join(', ')}`);
  console.log('field accuracy (exported value equals truth, null included):');
  console.log(' per layout');
  r.tally.print('layout ');
  console.log(' per source shape');
  r.tally.print('shape ');
  console.log(' per value quirk');
  r.tally.print('quirk ');
  console.log(' per real-report phenomenon (hand-written documents)');
  r.tally.print('phenomenon ');
  console.log(' per truth set');
  r.tally.print('set ');
  console.log(`non-null recall: ${pct(r.recalled, r.nonNull)} (${r.recalled}/${r.nonNull})`);
  list('wrong values (truth given, another value exported)', r.wrong);
  list('invented values (truth null, value exported)', r.invented);
  list('missed values (truth given, nothing exported)', r.missed);
  list('documents not imported or not matched by file name', r.notImported);
  console.log(`unmapped rows kept as the truth lists them: ${pct(r.unmappedKept, r.unmappedDocs)} of documents (${r.unmappedKept}/${r.unmappedDocs})`);
  for (const u of r.unmappedWrong.slice(0, LIST)) console.log(`  ${u}`);
  const unsureTotal = r.unsure.right + r.unsure.wrong;
  console.log(`confidence: ${pct(unsureTotal, unsureTotal + r.sure.right + r.sure.wrong.length)} of exported fields below ${REVIEW} (to review; ${r.unsure.wrong} of them wrong); wrong at or above ${REVIEW}: ${r.sure.wrong.length}`);
  for (const w of r.sure.wrong.slice(0, LIST)) console.log(`  confidently wrong: ${w}`);
  console.log(`broken rules flagged: ${pct(r.flagged, r.broken)} (${r.flagged}/${r.broken})`);
  for (const u of r.unflagged.slice(0, LIST)) console.log(`  not flagged: ${u}`);
  console.log(`false alarms: ${pct(r.alarmed, r.clean)} of clean documents have a failing check (${r.alarmed}/${r.clean})`);
  for (const [rule, files] of [...r.alarms].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${rule}: ${files.length} document(s), e.g. ${files.slice(0, 3).join(', ')}`);
  }
  console.log('lowest-accuracy documents:');
  for (const d of [...r.docs].sort((a, b) => a.share - b.share).slice(0, 10)) {
    console.log(`  ${pct(d.share, 1).padStart(9)}  ${d.file}${d.missing ? ' (not imported)' : ''}  ${d.misses.slice(0, 5).join(', ')}${d.misses.length > 5 ? ', …' : ''}`);
  }
  const f = figures(r);
  const mark = (ok) => (ok ? 'ok' : 'MISSED');
  console.log(
    `overall: field accuracy on text sources ${f.accuracy.toFixed(2)} % (target ≥ ${TARGET.accuracy} %, ${mark(f.accuracy >= TARGET.accuracy)}); ` +
      `invented ${r.invented.length} (target ${TARGET.invented}, ${mark(r.invented.length <= TARGET.invented)}); ` +
      `broken rules flagged ${f.flagged.toFixed(1)} % (target ${TARGET.flagged} %, ${mark(f.flagged >= TARGET.flagged)}); ` +
      `false alarms ${f.alarms.toFixed(1)} % (target ≤ ${TARGET.falseAlarms} %, ${mark(f.alarms <= TARGET.falseAlarms)})`,
  );
}

/** The headline figures of a score: field accuracy, broken rules flagged and false alarms in %. */
function figures(r) {
  const all = r.tally.get('all');
  return {
    accuracy: all.total ? (100 * all.right) / all.total : 0,
    flagged: r.broken ? (100 * r.flagged) / r.broken : 100,
    alarms: r.clean ? (100 * r.alarmed) / r.clean : 0,
  };
}

/** The blind set on its own: what the engine does with documents nobody tuned it on. */
function reportBlind(sets, r) {
  const f = figures(r);
  const all = r.tally.get('all');
  console.log(`\nblind set (${sets.map((s) => s.documents.length).join('+')} documents, not in the figures above):`);
  r.tally.print('shape ');
  list('  wrong values', r.wrong);
  list('  invented values', r.invented);
  list('  missed values', r.missed);
  for (const u of r.unflagged.slice(0, LIST)) console.log(`  not flagged: ${u}`);
  for (const [rule, files] of r.alarms) console.log(`  false alarm ${rule}: ${files.join(', ')}`);
  console.log(
    `blind: field accuracy ${f.accuracy.toFixed(2)} % (${all.right}/${all.total}); invented ${r.invented.length}; ` +
      `broken rules flagged ${f.flagged.toFixed(1)} % (${r.flagged}/${r.broken}); false alarms ${f.alarms.toFixed(1)} % (${r.alarmed}/${r.clean})`,
  );
}

const only = process.env.SETS?.split(',');
const sets = SETS.filter((s) => !only || only.includes(s.name)).filter((s) => {
  const present = fs.existsSync(path.join(fixtures, s.truth));
  if (!present) console.log(`skipping ${s.name}: no ${s.truth}`);
  return present;
}).map((s) => ({ ...s, documents: JSON.parse(fs.readFileSync(path.join(fixtures, s.truth), 'utf8')).documents }));

for (const set of sets) set.reports = await importAndExport(set);
const tuned = sets.filter((s) => !s.blind);
if (tuned.length) report(tuned, score(tuned));
const blind = sets.filter((s) => s.blind);
if (blind.length) reportBlind(blind, score(blind));
