// Generated reports for the benchmarks: the seeds with every number varied, a name, an agency and
// a year per index (8 places × 6 units, 2015–2022), so no two are the same document.
import fs from 'node:fs';
import path from 'node:path';

const seedsDir = new URL('../test/fixtures/seeds/', import.meta.url);
const seeds = fs.readdirSync(seedsDir).map((f) => fs.readFileSync(new URL(f, seedsDir), 'utf8'));
export const PLACES = ['平江县', '岳阳县', '华容县', '湘阴县', '汨罗市', '临湘市', '君山区', '云溪区'];
export const UNITS = ['人民政府', '民政局', '财政局', '教育局', '卫生健康局', '自然资源局'];

export function generatedReport(i) {
  const seed = seeds[i % seeds.length];
  const agency = `${PLACES[i % PLACES.length]}${UNITS[(i >> 3) % UNITS.length]}`;
  const year = 2015 + (i % 8);
  const body = seed.replace(/\d+/g, (d) => String((Number(d.slice(0, 6)) * 7 + i) % 100000)).replace(/\d{4}年度/g, `${year}年度`);
  const text = `${agency}${year}年度政府信息公开工作年度报告\n${body}\n编号 ${i}`;
  const name = `${String(i).padStart(5, '0')}.${i % 2 ? 'html' : 'txt'}`;
  const data = i % 2 ? `<html><head><meta charset="utf-8"><title>${agency}</title></head><body>${text.split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>` : text;
  return { i, name, data, agency, year };
}

export function writeReports(dir, n) {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const r = generatedReport(i);
    fs.writeFileSync(path.join(dir, r.name), r.data);
  }
}
