// Worker thread entry: draws the pages of originals for the review screen off the main (IPC) thread.
import { parentPort } from 'node:worker_threads';
import { pagePictures, type DrawReply, type DrawRequest } from './page-pictures';

const pages = pagePictures();

parentPort?.on('message', async (req: DrawRequest) => {
  let reply: DrawReply;
  try {
    reply = { id: req.id, ok: true, value: await pages.draw(req.sha256, req.file, req.kind, req.page, req.dpi, false, req.turn) };
  } catch (err) {
    reply = { id: req.id, ok: false, message: (err as Error).message };
  }
  parentPort?.postMessage(reply);
});
