// Worker thread entry: runs the per-file pipeline off the main (UI / IPC) thread.
import { parentPort } from 'node:worker_threads';
import { processFile, type PipelineInput } from '../core/pipeline';

parentPort?.on('message', (msg: { id: number; input: PipelineInput }) => {
  const result = processFile(msg.input);
  parentPort?.postMessage({ id: msg.id, result });
});
