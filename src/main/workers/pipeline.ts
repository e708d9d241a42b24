// Worker thread entry: runs the per-file pipeline and renders pages for OCR off the main (UI / IPC)
// thread.
import { parentPort } from 'node:worker_threads';
import { processFile, type PipelineInput } from '../core/pipeline';
import { pageImageResult, type PageImageRequest } from '../core/ocr/page-image';

type Message = { id: number; task: 'process'; input: PipelineInput } | { id: number; task: 'page-image'; input: PageImageRequest };

parentPort?.on('message', async (msg: Message) => {
  if (msg.task === 'process') return parentPort?.postMessage({ id: msg.id, result: await processFile(msg.input) });
  const result = await pageImageResult(msg.input);
  // the page picture moves to the main thread without a copy
  parentPort?.postMessage({ id: msg.id, result }, result.ok ? [result.value.pgm, result.value.figures?.pgm].filter((b) => b !== undefined).map((b) => b.buffer as ArrayBuffer) : []);
});
