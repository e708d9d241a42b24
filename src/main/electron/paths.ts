// Where the electron-vite build (electron.vite.config.ts) puts each piece, relative to the
// app root: the folder holding package.json in development, app.asar when packaged.
import path from 'node:path';

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
    worker: path.join(root, BUILD_OUTPUTS.worker),
  };
}
