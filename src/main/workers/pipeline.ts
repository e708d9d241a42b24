// Worker thread entry: runs the per-file pipeline off the main (UI / IPC) thread.
import { parentPort } from 'node:worker_threads';
import { processFile, type PipelineInput } from '../core/pipeline';

parentPort?.on('message', async (msg: { id: number; input: PipelineInput }) => {
  parentPort?.postMessage({ id: msg.id, result: await processFile(msg.input) });
});
