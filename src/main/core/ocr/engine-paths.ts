// Where the OCR engine's files are at run time. Packaged, the app's code and node_modules are in
// app.asar; a worker thread's script and the WebAssembly core it reads must be real files, so
// electron-builder unpacks tesseract.js, its core and the modules the worker script requires into
// app.asar.unpacked (electron-builder.yml asarUnpack), and the worker is started from there. The
// language data is an extra resource (tessdata.ts).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** tesseract.js' worker script for Node (its default, resolved from the app's node_modules). */
export const WORKER_SCRIPT = 'tesseract.js/src/worker-script/node/index.js';

/** The worker script to start: its unpacked copy when the app runs from an asar archive. */
export function ocrWorkerPath(resolve: (id: string) => string = require.resolve): string {
  return unpacked(resolve(WORKER_SCRIPT));
}

/** `…/app.asar/x` → `…/app.asar.unpacked/x` where that file exists; other paths as they are. */
export function unpacked(file: string): string {
  const parts = file.split(/[\\/]/u);
  const at = parts.indexOf('app.asar');
  if (at < 0) return file;
  const out = [...parts.slice(0, at), 'app.asar.unpacked', ...parts.slice(at + 1)].join(path.sep);
  return fs.existsSync(out) ? out : file;
}
