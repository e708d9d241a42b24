// An export made whole on a worker thread (XLSX): the worker reads the library from its own
// read-only connection and writes the file; this thread only follows its progress and passes on
// a cancel. The worker removes its temporary files when it stops; should it die, they are removed
// here. Nothing is ever left under the export's name unless it is complete.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExportOptions } from './options';
import { ExportCancelled, type ExportControl } from './control';

/** What the export worker is given for a whole export (export-worker.ts). */
export interface WholeWorkerData {
  dbPath: string;
  format: 'xlsx';
  options: ExportOptions;
  file: string;
  /** set to 1 to cancel (shared memory: the worker sees it at once, between two reports) */
  cancel: Int32Array;
}

/** What the worker says: progress, the end, or why it stopped. */
export type WholeReply = { type: 'progress'; done: number; total: number } | { type: 'done'; reports: number } | { type: 'failed'; cancelled: boolean; message: string };

/** `<file>.tmp` and the `<file>.sheetN.tmp` a workbook writes before it is renamed into place. */
function removeTemporaries(file: string): void {
  const dir = path.dirname(file);
  const base = path.basename(file);
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (name === `${base}.tmp` || (name.startsWith(`${base}.sheet`) && name.endsWith('.tmp'))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

export function exportOnWorker(script: string | URL, job: Omit<WholeWorkerData, 'cancel'>, control: ExportControl = {}): Promise<number> {
  if (control.signal?.aborted) return Promise.reject(new ExportCancelled());
  const data: WholeWorkerData = { ...job, cancel: new Int32Array(new SharedArrayBuffer(4)) };
  const worker = new Worker(script, { workerData: data });
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    const cancel = () => Atomics.store(data.cancel, 0, 1);
    control.signal?.addEventListener('abort', cancel, { once: true });
    const end = (err: Error | null, reports = 0) => {
      if (settled) return;
      settled = true;
      control.signal?.removeEventListener('abort', cancel);
      void worker.terminate().finally(() => {
        if (err) {
          removeTemporaries(data.file);
          reject(err);
        } else resolve(reports);
      });
    };
    worker.on('message', (m: WholeReply) => {
      if (m.type === 'progress') control.onProgress?.(m.done, m.total);
      else if (m.type === 'done') end(null, m.reports);
      else end(m.cancelled ? new ExportCancelled() : new Error(`导出线程出错 (export worker): ${m.message}`));
    });
    worker.on('error', (err) => end(new Error(`导出线程出错 (export worker): ${err.message}`)));
    worker.on('exit', (code) => end(new Error(`导出线程意外退出 (export worker exited with ${code})`)));
  });
}
