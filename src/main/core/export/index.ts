// Every export format by name (CLI --format, API library:export), default file names, and one
// entry point that writes the export and, when asked, the originals zip beside it.
import path from 'node:path';
import fs from 'node:fs';
import type { Db } from '../store/db';
import { selectReportIds } from '../store/selection';
import { writeLineExport, type ExportRunner } from './line-exports';
import { writeXlsxExport } from './xlsx';
import { originalsPath, writeOriginalsZip } from './originals';
import type { ExportOptions } from './options';
import type { ExportControl } from './control';
import { exportOnWorker } from './worker-export';

export type { ExportOptions } from './options';
export type { ExportRunner } from './line-exports';
export { ExportCancelled, type ExportControl } from './control';
export { EXPORT_WORKER_FILE, exportWorkerPath } from './worker-path';
export type ExportFormat = 'json' | 'csv' | 'csv-wide' | 'xlsx';

type Exporter = (db: Db, file: string, options?: ExportOptions, runner?: ExportRunner, control?: ExportControl) => Promise<number>;

export const EXPORTERS: Readonly<Record<ExportFormat, Exporter>> = {
  json: (db, file, options, runner, control) => writeLineExport(db, file, 'json', options, runner, control),
  // made whole on the export worker when there is one
  xlsx: (db, file, options = {}, { workerScript, dbPath } = {}, control) =>
    workerScript && dbPath ? exportOnWorker(workerScript, { dbPath, format: 'xlsx', options, file }, control) : writeXlsxExport(db, file, options, control),
  csv: (db, file, options, runner, control) => writeLineExport(db, file, 'csv', options, runner, control),
  'csv-wide': (db, file, options, runner, control) => writeLineExport(db, file, 'csv-wide', options, runner, control),
};

export const EXPORT_FORMATS = Object.keys(EXPORTERS) as ExportFormat[];

const EXTENSION: Record<ExportFormat, string> = { json: 'json', xlsx: 'xlsx', csv: 'csv', 'csv-wide': 'csv' };

/** <home>/exports/年报导出-20261123-044500.xlsx */
export function defaultExportPath(home: string, format: ExportFormat, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return path.join(home, 'exports', `年报导出-${stamp}${format === 'csv-wide' ? '-wide' : ''}.${EXTENSION[format]}`);
}

export interface ExportResult {
  path: string;
  reports: number;
  /** the originals zip, when asked for */
  originals?: { path: string; files: number };
}

/** Write the export (on worker threads when `workerScript` names the built export worker), with progress; cancellable. */
export async function runExport(
  lib: { db: Db; home: string; dbPath?: string },
  format: ExportFormat,
  file: string,
  options: ExportOptions = {},
  workerScript?: string | URL,
  control: ExportControl = {},
): Promise<ExportResult> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const reports = await EXPORTERS[format](lib.db, file, options, { workerScript, dbPath: lib.dbPath }, control);
  if (!options.includeOriginals) return { path: file, reports };
  const zip = originalsPath(file);
  const files = writeOriginalsZip(lib.db, lib.home, selectReportIds(lib.db, options), zip);
  return { path: file, reports, originals: { path: zip, files } };
}
