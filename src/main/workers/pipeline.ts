// Worker thread entry: runs the per-file pipeline and renders pages for OCR off the main (UI / IPC)
// thread.
import { parentPort } from 'node:worker_threads';
import { processFile, type PipelineInput } from '../core/pipeline';
import { pageImageResult, type PageImageRequest } from '../core/ocr/page-image';

type Message = { id: number; task: 'process'; input: PipelineInput } | { id: number; task: 'page-image'; input: PageImageRequest };

parentPort?.on('message', async (msg: Message) => {
  if (msg.task === 'process') return parentPort?.postMessage({ id: msg.id, result: await processFile(msg.input) });
  // the page pictures are SharedArrayBuffers: the main thread gets them without a copy
  parentPort?.postMessage({ id: msg.id, result: await pageImageResult(msg.input) });
});
