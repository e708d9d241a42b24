// Where the export worker's script is: next to the pipeline worker's, and in a packaged app its
// unpacked copy (electron-builder.yml unpacks out/main/workers and the chunks they import, as a
// worker thread's script must be a real file; see ocr/engine-paths.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpacked } from '../ocr/engine-paths';

/** the export worker's file, next to the pipeline worker's */
export const EXPORT_WORKER_FILE = 'export.js';

export function exportWorkerPath(pipelineWorker: string | URL): string {
  const pipeline = pipelineWorker instanceof URL ? fileURLToPath(pipelineWorker) : pipelineWorker;
  return unpacked(path.join(path.dirname(pipeline), EXPORT_WORKER_FILE));
}
