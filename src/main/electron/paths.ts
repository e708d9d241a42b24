// Where the electron-vite build (electron.vite.config.ts) puts each piece, relative to the
// app root: the folder holding package.json in development, app.asar when packaged. Worker
// threads start from the unpacked copy (electron-builder.yml asarUnpack): the pipeline worker,
// and beside it the page-render and export workers.
import path from 'node:path';
import { unpacked } from '../core/ocr/engine-paths';

export const BUILD_OUTPUTS = {
  preload: 'out/preload/index.cjs',
  rendererHtml: 'out/renderer/index.html',
  worker: 'out/main/workers/pipeline.js',
} as const;

export type AppPaths = { [K in keyof typeof BUILD_OUTPUTS]: string };

export function appPaths(root: string): AppPaths {
  return {
    preload: path.join(root, BUILD_OUTPUTS.preload),
    rendererHtml: path.join(root, BUILD_OUTPUTS.rendererHtml),
    worker: unpacked(path.join(root, BUILD_OUTPUTS.worker)),
  };
}
