// A library of many reports made fast: copies of one real 2021 report read through the pipeline,
// stored through the store functions (as bench/export.mjs makes its library).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { processFile } from '../../src/main/core/pipeline';
import { insertReport } from '../../src/main/core/store/reports';
import type { Db } from '../../src/main/core/store/db';
import { fixture } from './tmp';

export async function insertCopies(db: Db, n: number, name = '2021-html-official.html'): Promise<void> {
  const bytes = fs.readFileSync(fixture('reports', name));
  const r = await processFile({ bytes, name, sha256: 'x' });
  if (!r.ok) throw new Error(r.message);
  const doc = r.value;
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const sha256 = crypto.createHash('sha256').update(`copy ${i}`).digest('hex');
      const fields = doc.fields.map((f) => ({ ...f, source: { ...f.source, sha256 } }));
      insertReport(db, { file: { sha256, size: bytes.length, kind: doc.kind, encoding: doc.encoding, name, path: `/copies/${i}/${name}` }, jobId: null, pages: doc.pages, fields, checks: doc.checks, unmapped: doc.unmapped, minhash: doc.minhash, duplicateOf: null });
    }
  })();
}
