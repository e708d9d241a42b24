// Worker thread entry: the lines of one batch of reports at a time (CSV or JSON), read from its
// own read-only connection; ordered-pool.ts hands out the batches and writes the bytes in order.
import { parentPort, workerData } from 'node:worker_threads';
import { openExportReader } from '../store/export-read';
import { FileBuffer } from './buffered-file';
import { exportSources } from './options';
import { LINE_EXPORTS, type LineWorkerData } from './line-exports';
import type { BatchReply, BatchRequest } from './ordered-pool';

const { dbPath, format, options } = workerData as LineWorkerData;
const spec = LINE_EXPORTS[format];
const db = openExportReader(dbPath);

parentPort?.on('message', ({ seq, ids }: BatchRequest) => {
  try {
    // encoded as it comes, into buffers of their own (handed over, not copied)
    const chunks: Uint8Array[] = [];
    const out = new FileBuffer((chunk) => chunks.push(chunk), 1 << 20);
    const reports = spec.lines(exportSources(db, options, spec.needs, ids), seq === 0, (s) => out.write(s));
    out.flush();
    parentPort!.postMessage({ seq, ok: true, chunks, reports } satisfies BatchReply, chunks.map((c) => c.buffer as ArrayBuffer));
  } catch (err) {
    parentPort!.postMessage({ seq, ok: false, message: (err as Error).message } satisfies BatchReply);
  }
});
