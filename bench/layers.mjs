// Text layers readable but wrong (pdf/language.ts; npm run bench:layers builds out/node first): the
// reasons readTextLayer gives every page of the repo's PDFs and of the held-out reports
// (test/fixtures/blind and real, web pages and plain text) printed to PDF by Chromium here, so
// that their text layers are as a browser's print gives them; then the cost of the check per page
// against pdfjs' getTextContent of the same page (wall and CPU time, same run).
// Needs /usr/bin/chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { misreadLayer, misreadPlaces, openPdf, readTextLayer } from '../out/node/pdf.js';
import { decodedFile, pdfFiles, reportFiles } from '../test/support/fixture-texts.ts';

// the model (report-language.ts) is read into sets once per process, on the first page judged
const loaded = performance.now();
misreadPlaces([{ text: '政府信息公开', x: 0, y: 0, w: 60, h: 10 }]);
console.log(`model read in ${(performance.now() - loaded).toFixed(1)} ms`);

const fixtures = new URL('../test/fixtures/', import.meta.url).pathname;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-layers-'));

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// the held-out reports, printed
const held = reportFiles(fixtures, ['blind', 'real']);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
// nothing leaves the machine: saved pages' scripts do not run, their links to the web are not followed
const page = await browser.newPage({ javaScriptEnabled: false });
await page.route(/^(?!data:)/, (route) => route.abort());
const printed = [];
for (const file of held) {
  // web pages as pages (their tables printed as tables; their charset is now UTF-8), texts as text
  const text = decodedFile(file);
  const html = /\.html?$/.test(file) ? text.replace(/<meta[^>]*charset[^>]*>/gi, '') : `<pre style="white-space:pre-wrap;font-family:sans-serif">${escape(text)}</pre>`;
  await page.setContent(`<meta charset="utf-8">${html}`, { waitUntil: 'domcontentloaded' });
  const out = path.join(work, `${path.basename(file)}.pdf`);
  await page.pdf({ path: out, format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } });
  printed.push(out);
}
await browser.close();

const doubtful = [];
const cost = { text: 0, textCpu: 0, check: 0, checkCpu: 0, pages: 0 };
const REPEAT = 20; // the check is timed over this many runs of each page
for (const [set, files] of [['repo', pdfFiles(fixtures)], ['held-out', printed]]) {
  const counts = {};
  let most = { doubtful: 0, hanzi: 0 }; // the page judged right with the most misread-looking places
  let would = 0; // pages judged right that the rule would find doubtful were they over pictures
  for (const file of files) {
    const bytes = new Uint8Array(fs.readFileSync(file));
    let layer;
    try {
      layer = await readTextLayer(bytes);
    } catch {
      continue; // encrypted, truncated
    }
    for (const p of layer.pages) {
      const reason = layer.needsOcr.find((n) => n.page === p.page)?.reason ?? 'text';
      counts[reason] = (counts[reason] ?? 0) + 1;
      if (reason === 'doubtful') doubtful.push(`${set} ${path.basename(file)} page ${p.page}`);
      if (reason !== 'text') continue;
      const places = misreadPlaces(p.words);
      if (places.doubtful > most.doubtful) most = places;
      if (misreadLayer(p.words)) {
        would++;
        doubtful.push(`${set} ${path.basename(file)} page ${p.page} (were it over a picture)`);
      }
    }
    // the check's cost beside getTextContent's, on the pages with a layer
    const { doc, close } = await openPdf(bytes);
    for (const p of layer.pages) {
      if (p.words.reduce((n, w) => n + w.text.length, 0) < 20) continue;
      const pg = await doc.getPage(p.page);
      let cpu = process.cpuUsage();
      let t = performance.now();
      await pg.getTextContent();
      const textMs = performance.now() - t;
      const textCpu = process.cpuUsage(cpu);
      cpu = process.cpuUsage();
      t = performance.now();
      for (let i = 0; i < REPEAT; i++) misreadPlaces(p.words);
      const checkCpu = process.cpuUsage(cpu);
      cost.text += textMs;
      cost.textCpu += (textCpu.user + textCpu.system) / 1000;
      cost.check += (performance.now() - t) / REPEAT;
      cost.checkCpu += (checkCpu.user + checkCpu.system) / 1000 / REPEAT;
      cost.pages++;
    }
    await close();
  }
  console.log(`${set}: ${files.length} PDFs, pages by reason`, counts, `; of the pages judged right, ${would} would be doubtful over pictures; at most ${most.doubtful} misread-looking places on one (of ${most.hanzi} hanzi)`);
}
console.log(doubtful.length ? `doubtful:\n  ${doubtful.join('\n  ')}` : 'doubtful: none');
const per = (ms) => (ms / cost.pages).toFixed(2);
console.log(`per page with a layer (${cost.pages}): getTextContent ${per(cost.text)} ms (CPU ${per(cost.textCpu)} ms), the check ${per(cost.check)} ms (CPU ${per(cost.checkCpu)} ms): ${((100 * cost.checkCpu) / cost.textCpu).toFixed(1)} % of getTextContent's CPU`);
fs.rmSync(work, { recursive: true, force: true });
