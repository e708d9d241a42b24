// Import benchmark: N generated web/text reports → import + store + metadata extraction.
// Prints docs/s and peak RSS, and the ratio to a baseline measured in the same run
// (reading and hashing the same files). Targets on a 2-core machine: ≥ 200 docs/s, ≤ 300 MB.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../out/node/cli.js';

const N = Number(process.env.BENCH_DOCS ?? 2000);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
const input = path.join(root, 'in');
const seedsDir = new URL('../test/fixtures/seeds/', import.meta.url);
const seeds = fs.readdirSync(seedsDir).map((f) => fs.readFileSync(new URL(f, seedsDir), 'utf8'));
const places = ['平江县', '岳阳县', '华容县', '湘阴县', '汨罗市', '临湘市', '君山区', '云溪区'];
const units = ['人民政府', '民政局', '财政局', '教育局', '卫生健康局', '自然资源局'];

function generate() {
  fs.mkdirSync(input, { recursive: true });
  for (let i = 0; i < N; i++) {
    const seed = seeds[i % seeds.length];
    const agency = `${places[i % places.length]}${units[(i >> 3) % units.length]}`;
    const year = 2015 + (i % 8);
    // vary every number, so no two files are the same document
    const body = seed.replace(/\d+/g, (d) => String((Number(d.slice(0, 6)) * 7 + i) % 100000)).replace(/\d{4}年度/g, `${year}年度`);
    const text = `${agency}${year}年度政府信息公开工作年度报告\n${body}\n编号 ${i}`;
    const name = `${String(i).padStart(5, '0')}.${i % 2 ? 'html' : 'txt'}`;
    const data = i % 2 ? `<html><head><meta charset="utf-8"><title>${agency}</title></head><body>${text.split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>` : text;
    fs.writeFileSync(path.join(input, name), data);
  }
}

function baseline() {
  const t = performance.now();
  for (const f of fs.readdirSync(input)) crypto.createHash('sha256').update(fs.readFileSync(path.join(input, f))).digest('hex');
  return (performance.now() - t) / 1000;
}

generate();
const base = baseline();
const quiet = { out: () => {}, err: () => {}, isTTY: false };
const t0 = performance.now();
const code = await main(['import', input, '--db', path.join(root, 'lib', 'library.sqlite')], quiet);
const seconds = (performance.now() - t0) / 1000;
const rssMb = process.resourceUsage().maxRSS / 1024;
fs.rmSync(root, { recursive: true, force: true });

const rate = N / seconds;
console.log(`import: ${N} docs in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} docs/s (target ≥ 200), exit ${code}`);
console.log(`peak RSS (main process, workers included): ${rssMb.toFixed(0)} MB (target ≤ 300)`);
console.log(`baseline read+sha256: ${(N / base).toFixed(0)} docs/s; import costs ${(seconds / base).toFixed(1)}× the baseline`);
