// A large library for bench/review.mjs, made quickly: a few real fixtures go through the real
// pipeline once, then copies (each its own file identity, agency and year, the original bytes
// linked into the blob store) are stored through the store functions in large transactions.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { processFile, type ProcessedFile } from '../src/main/core/pipeline';
import { openLibrary } from '../src/main/core/store/library';
import { indexPendingText, insertReport } from '../src/main/core/store/reports';
import { blobPath } from '../src/main/core/import/blob-store';

/** every tenth report is the PDF (its table is partial, so its rules fail: the front of the review queue) */
const PDF = 'pdf/table-2021.pdf';
const OTHERS = ['reports/2021-html-official.html', 'reports/2019-html-official.html', 'reports/legacy-html.html', 'reports/2021-pipe.txt'];
const PLACES = ['平江县', '岳阳县', '华容县', '湘阴县', '汨罗市', '临湘市', '君山区', '云溪区', '龙游县', '长兴县'];
const UNITS = ['人民政府', '民政局', '财政局', '教育局', '卫生健康局', '自然资源局', '交通运输局'];

export async function buildLibrary(home: string, n: number, fixtures: string): Promise<{ pdf: number[]; other: number[] }> {
  const templates: { file: string; ext: string; size: number; value: ProcessedFile }[] = [];
  for (const file of [PDF, ...OTHERS].map((f) => path.join(fixtures, f))) {
    const bytes = fs.readFileSync(file);
    const result = await processFile({ bytes, name: path.basename(file), sha256: 'template' });
    if (!result.ok) throw new Error(`${file}: ${result.message}`);
    templates.push({ file, ext: path.extname(file), size: bytes.length, value: result.value });
  }
  const lib = openLibrary({ home });
  const out = { pdf: [] as number[], other: [] as number[] };
  const BATCH = 500;
  for (let start = 0; start < n; start += BATCH) {
    lib.db.transaction(() => {
      for (let i = start; i < Math.min(n, start + BATCH); i++) {
        const t = i % 10 === 0 ? templates[0]! : templates[1 + (i % OTHERS.length)]!;
        const sha256 = crypto.createHash('sha256').update(`${t.file}#${i}`).digest('hex');
        const agency = `${PLACES[i % PLACES.length]}${UNITS[Math.floor(i / PLACES.length) % UNITS.length]}`;
        const year = 2015 + (i % 9);
        const fields = t.value.fields.map((f) => ({
          ...f,
          ...(f.key === 'meta.agency' ? { value: agency } : f.key === 'meta.year' ? { value: year } : {}),
          source: { ...f.source, sha256 },
        }));
        const target = blobPath(home, sha256);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.linkSync(t.file, target);
        const name = `bench-${String(i).padStart(5, '0')}${t.ext}`;
        const { reportId } = insertReport(lib.db, {
          file: { sha256, size: t.size, kind: t.value.kind, encoding: t.value.encoding, name, path: path.join(home, 'in', name) },
          jobId: null,
          pages: t.value.pages,
          fields,
          checks: t.value.checks,
          unmapped: t.value.unmapped,
          minhash: t.value.minhash,
          duplicateOf: null,
        });
        (t === templates[0] ? out.pdf : out.other).push(reportId);
      }
    })();
  }
  indexPendingText(lib.db);
  lib.close();
  return out;
}
