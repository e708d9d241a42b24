// Where the export worker's script is: next to the pipeline worker's (in a packaged app both are
// unpacked: electron/paths.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** the export worker's file, next to the pipeline worker's */
export const EXPORT_WORKER_FILE = 'export.js';

export function exportWorkerPath(pipelineWorker: string | URL): string {
  const pipeline = pipelineWorker instanceof URL ? fileURLToPath(pipelineWorker) : pipelineWorker;
  return path.join(path.dirname(pipeline), EXPORT_WORKER_FILE);
}
