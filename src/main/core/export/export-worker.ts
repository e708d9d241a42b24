// Worker thread entry of the exports, reading from its own read-only connection. CSV and JSON:
// the lines of one batch of reports at a time (ordered-pool.ts hands out the batches and writes
// the bytes in order). XLSX: the whole file, with progress, until the flag it shares says cancel (worker-export.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openExportReader } from '../store/export-read';
import { FileBuffer } from './buffered-file';
import { exportSources } from './options';
import { LINE_EXPORTS, type LineWorkerData } from './line-exports';
import type { BatchReply, BatchRequest } from './ordered-pool';
import { writeXlsxExport } from './xlsx';
import { ExportCancelled } from './control';
import type { WholeReply, WholeWorkerData } from './worker-export';

const data = workerData as LineWorkerData | WholeWorkerData;
const db = openExportReader(data.dbPath);
const port = parentPort!;

function serveBatches({ format, options }: LineWorkerData): void {
  const spec = LINE_EXPORTS[format];
  port.on('message', ({ seq, ids }: BatchRequest) => {
    try {
      // encoded as it comes, into buffers of their own (handed over, not copied)
      const chunks: Uint8Array[] = [];
      const out = new FileBuffer((chunk) => chunks.push(chunk), 1 << 20);
      const reports = spec.lines(exportSources(db, options, spec.needs, ids), seq === 0, (s) => out.write(s));
      out.flush();
      port.postMessage({ seq, ok: true, chunks, reports } satisfies BatchReply, chunks.map((c) => c.buffer as ArrayBuffer));
    } catch (err) {
      port.postMessage({ seq, ok: false, message: (err as Error).message } satisfies BatchReply);
    }
  });
}

async function writeWhole({ file, options, cancel }: WholeWorkerData): Promise<void> {
  const say = (m: WholeReply) => port.postMessage(m);
  try {
    const reports = await writeXlsxExport(db, file, options, { stopped: () => Atomics.load(cancel, 0) === 1, onProgress: (done, total) => say({ type: 'progress', done, total }) });
    say({ type: 'done', reports });
  } catch (err) {
    say({ type: 'failed', cancelled: err instanceof ExportCancelled, message: (err as Error).message });
  }
}

if ('file' in data) void writeWhole(data);
else serveBatches(data);
