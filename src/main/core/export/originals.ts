// The original files of the exported reports as one zip (stored, not compressed again: PDFs and
// Office files are compressed already), with a manifest of each file's sha256, every name it
// arrived under and its report. Streamed a chunk at a time; ZIP64 past 4 GB or 65,535 files.
import fs from 'node:fs';
import { ZipWriter, type ZipOptions } from './zip-writer';
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

export function writeOriginalsZip(db: Db, home: string, ids: readonly number[], file: string, options: ZipOptions = {}): number {
  const zip = new ZipWriter(`${file}.tmp`, options);
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
        zip.addFile(inZip, blob);
      }
      manifest.push({ path: inZip, sha256: f.sha256, size: f.size, kind: f.kind, report_id: f.reportId, names: f.names, paths: f.paths });
    }
    zip.addText('manifest.json', JSON.stringify({ schema: 'nianbao/originals-v1', exported_at: new Date().toISOString(), files: manifest }, null, 1));
    const csv = ['\ufeff', csvLine(['path', 'sha256', 'size', 'kind', 'report_id', 'names', 'paths'])];
    for (const m of manifest) csv.push(csvLine([m.path ?? '', m.sha256, m.size, m.kind, m.report_id, m.names.join('; '), m.paths.join('; ')]));
    zip.addText('manifest.csv', csv.join(''));
    zip.close();
  } catch (err) {
    zip.abort();
    fs.rmSync(`${file}.tmp`, { force: true });
    throw err;
  }
  fs.renameSync(`${file}.tmp`, file);
  return manifest.filter((m) => m.path).length;
}
