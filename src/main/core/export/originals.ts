// The original files of the exported reports as one zip (stored, not compressed again: PDFs and
// Office files are compressed already), with a manifest of each file's sha256, every name it
// arrived under and its report. Streamed: one blob in memory at a time.
import fs from 'node:fs';
import { Zip, ZipPassThrough, strToU8 } from 'fflate';
import type { Db } from '../store/db';
import { filesWithNames } from '../store/export-read';
import { blobPath } from '../import/blob-store';
import { csvLine } from './csv';

export interface ManifestEntry {
  /** path inside the zip; absent when the original is missing from the library */
  path: string | null;
  sha256: string;
  size: number;
  kind: string;
  report_id: number;
  names: string[];
  paths: string[];
}

const CHUNK = 1 << 20;

/** A name safe on Windows, macOS and Linux. */
const safeName = (name: string): string =>
  [...name]
    .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .replace(/^\.+/, '_')
    .slice(0, 120) || 'file';

export function originalsPath(exportFile: string): string {
  return exportFile.replace(/\.[^./\\]+$/, '') + '-originals.zip';
}

export async function writeOriginalsZip(db: Db, home: string, ids: readonly number[], file: string): Promise<number> {
  const out = fs.openSync(`${file}.tmp`, 'w');
  let failed: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else fs.writeSync(out, chunk);
  });
  const add = (name: string, data: Uint8Array): void => {
    const entry = new ZipPassThrough(name);
    zip.add(entry);
    entry.push(data, true);
  };
  const used = new Set<string>();
  const manifest: ManifestEntry[] = [];
  try {
    for (const f of filesWithNames(db, ids)) {
      const blob = blobPath(home, f.sha256);
      let inZip: string | null = null;
      if (fs.existsSync(blob)) {
        inZip = `originals/${f.reportId}/${safeName(f.names[0] ?? f.sha256)}`;
        if (used.has(inZip)) inZip = `originals/${f.reportId}/${f.sha256.slice(0, 8)}-${safeName(f.names[0] ?? '')}`;
        used.add(inZip);
        const entry = new ZipPassThrough(inZip);
        zip.add(entry);
        const fd = fs.openSync(blob, 'r');
        try {
          const buf = Buffer.allocUnsafe(CHUNK);
          for (let n; (n = fs.readSync(fd, buf, 0, CHUNK, null)) > 0; ) entry.push(buf.subarray(0, n));
        } finally {
          fs.closeSync(fd);
        }
        entry.push(new Uint8Array(0), true);
      }
      manifest.push({ path: inZip, sha256: f.sha256, size: f.size, kind: f.kind, report_id: f.reportId, names: f.names, paths: f.paths });
      if (failed) throw failed;
    }
    add('manifest.json', strToU8(JSON.stringify({ schema: 'nianbao/originals-v1', exported_at: new Date().toISOString(), files: manifest }, null, 1)));
    const csv = ['\ufeff', csvLine(['path', 'sha256', 'size', 'kind', 'report_id', 'names', 'paths'])];
    for (const m of manifest) csv.push(csvLine([m.path ?? '', m.sha256, m.size, m.kind, m.report_id, m.names.join('; '), m.paths.join('; ')]));
    add('manifest.csv', strToU8(csv.join('')));
    zip.end();
    if (failed) throw failed;
  } catch (err) {
    fs.closeSync(out);
    fs.rmSync(`${file}.tmp`, { force: true });
    throw err;
  }
  fs.closeSync(out);
  fs.renameSync(`${file}.tmp`, file);
  return manifest.filter((m) => m.path).length;
}
