// Generated reports for the benchmarks: the seeds with every number varied, so no two documents
// are the same, each under its own agency and year.
import fs from 'node:fs';
import path from 'node:path';

const seedsDir = new URL('../test/fixtures/seeds/', import.meta.url);
const seeds = fs.readdirSync(seedsDir).map((f) => fs.readFileSync(new URL(f, seedsDir), 'utf8'));
const places = ['平江县', '岳阳县', '华容县', '湘阴县', '汨罗市', '临湘市', '君山区', '云溪区', '长沙县', '浏阳市', '宁乡市', '攸县', '茶陵县', '炎陵县', '醴陵市', '湘潭县', '韶山市', '衡阳县', '衡南县', '衡山县', '衡东县', '祁东县', '耒阳市', '常宁市', '邵东市', '新邵县', '隆回县', '洞口县', '绥宁县', '新宁县', '城步苗族自治县', '武冈市', '安乡县', '汉寿县', '澧县', '临澧县', '桃源县', '石门县', '慈利县', '桑植县'];
const units = ['人民政府', '民政局', '财政局', '教育局', '卫生健康局', '自然资源局', '公安局', '司法局', '人力资源和社会保障局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '审计局', '市场监督管理局', '统计局', '医疗保障局', '林业局', '应急管理局'];

/** Report i: place, agency, year, text (plain) and the file it would arrive as (every other one a web page). */
export function generatedReport(i) {
  const seed = seeds[i % seeds.length];
  const place = places[i % places.length];
  const agency = `${place}${units[Math.floor(i / places.length) % units.length]}`;
  const year = 2015 + (i % 8);
  const body = seed.replace(/\d+/g, (d) => String((Number(d.slice(0, 6)) * 7 + i) % 100000)).replace(/\d{4}年度/g, `${year}年度`);
  const text = `${agency}${year}年度政府信息公开工作年度报告\n${body}\n编号 ${i}`;
  const name = `${String(i).padStart(5, '0')}.${i % 2 ? 'html' : 'txt'}`;
  const data = i % 2 ? `<html><head><meta charset="utf-8"><title>${agency}</title></head><body>${text.split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>` : text;
  return { place, agency, year, text, name, data };
}

/** Write reports 0 … n-1 into a folder. */
export function writeReports(dir, n) {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const r = generatedReport(i);
    fs.writeFileSync(path.join(dir, r.name), r.data);
  }
}
