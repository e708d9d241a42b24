// The exports written a line per report or field (CSV long and wide, JSON): a head, the lines of
// every report, a tail. Made here, or by worker threads a batch of reports at a time (each reads
// from its own connection, ordered-pool.ts writes their bytes in order) when the caller names the
// built worker: reading and making lines then run on every core, off the calling thread.
import type { Db } from '../store/db';
import type { ExportSource, ReadNeeds } from '../store/export-read';
import { selectReportIds } from '../store/selection';
import { exportSources, type ExportOptions } from './options';
import { BufferedFile } from './buffered-file';
import { CSV_HEAD, CSV_NEEDS, csvLines } from './csv';
import { JSON_NEEDS, JSON_TAIL, jsonHead, jsonLines } from './json';
import { BATCH_REPORTS, runOrdered } from './ordered-pool';
import { pause, progressOf, type ExportControl } from './control';

export type LineFormat = 'csv' | 'csv-wide' | 'json';

interface LineExport {
  needs: ReadNeeds;
  head(): string;
  tail: string;
  /** the lines of these reports (`first`: they begin the export); returns how many reports */
  lines(reports: Iterable<ExportSource>, first: boolean, write: (s: string) => void): number;
}

export const LINE_EXPORTS: Readonly<Record<LineFormat, LineExport>> = {
  csv: { needs: CSV_NEEDS.long, head: () => CSV_HEAD.long, tail: '', lines: (reports, _first, write) => csvLines(reports, 'long', write) },
  'csv-wide': { needs: CSV_NEEDS.wide, head: () => CSV_HEAD.wide, tail: '', lines: (reports, _first, write) => csvLines(reports, 'wide', write) },
  json: { needs: JSON_NEEDS, head: jsonHead, tail: JSON_TAIL, lines: jsonLines },
};

/** Where an export runs: worker threads (the built export-worker.js) when named, else here. */
export interface ExportRunner {
  workerScript?: string | URL;
  dbPath?: string;
  /** reports per worker batch */
  batchReports?: number;
}

/** What the export worker is given (export-worker.ts). */
export interface LineWorkerData {
  dbPath: string;
  format: LineFormat;
  options: ExportOptions;
}

/** The lines of every report here, a batch at a time, the event loop let run in between (a cancel). */
async function linesHere(db: Db, spec: LineExport, options: ExportOptions, ids: readonly number[], out: BufferedFile, batch: number, written: (n: number) => void, control: ExportControl): Promise<number> {
  let n = 0;
  for (let i = 0; i < ids.length; i += batch) {
    n += spec.lines(exportSources(db, options, spec.needs, ids.slice(i, i + batch)), i === 0, (s) => out.write(s));
    written(n);
    await pause(control);
  }
  return n;
}

/** Write <file> through <file>.tmp, renamed into place when complete (never when cancelled); returns how many reports. */
export async function writeLineExport(db: Db, file: string, format: LineFormat, options: ExportOptions = {}, runner: ExportRunner = {}, control: ExportControl = {}): Promise<number> {
  const spec = LINE_EXPORTS[format];
  const out = new BufferedFile(file);
  try {
    out.write(spec.head());
    const ids = selectReportIds(db, options);
    const { workerScript, dbPath, batchReports = BATCH_REPORTS } = runner;
    const written = progressOf(ids.length, control);
    const n =
      workerScript && dbPath
        ? await runOrdered(workerScript, { dbPath, format, options } satisfies LineWorkerData, ids, (bytes) => out.writeBytes(bytes), { batchReports, signal: control.signal, onWritten: written })
        : await linesHere(db, spec, options, ids, out, batchReports, written, control);
    out.write(spec.tail);
    out.commit();
    return n;
  } catch (err) {
    out.abort();
    throw err;
  }
}
