// Worker thread entry: runs the per-file pipeline and renders pages for OCR off the main (UI / IPC)
// thread.
import { parentPort } from 'node:worker_threads';
import { processFile, type PipelineInput } from '../core/pipeline';
import { pageImageResult, pictureBuffers, type PageImageRequest } from '../core/ocr/page-image';

type Message = { id: number; task: 'process'; input: PipelineInput } | { id: number; task: 'page-image'; input: PageImageRequest };

parentPort?.on('message', async (msg: Message) => {
  if (msg.task === 'process') return parentPort?.postMessage({ id: msg.id, result: await processFile(msg.input) });
  // the page pictures are moved to the main thread, not copied
  const result = await pageImageResult(msg.input);
  parentPort?.postMessage({ id: msg.id, result }, pictureBuffers(result));
});
