// electron-vite: main (app + pipeline worker, ESM), sandboxed preload (CommonJS), React renderer.
// Output paths are mirrored in src/main/electron/paths.ts.
import path from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const src = (p: string): string => path.resolve(import.meta.dirname, 'src', p);

export default defineConfig({
  main: {
    build: {
      // package.json dependencies stay require()d from node_modules; better-sqlite3 must
      // (native addon, rebuilt for Electron by `electron-builder install-app-deps`)
      externalizeDeps: { include: ['better-sqlite3'] },
      rolldownOptions: {
        input: { index: src('main/index.ts'), 'workers/pipeline': src('main/workers/pipeline.ts'), 'workers/page-render': src('main/core/review/render-worker.ts'), 'workers/export': src('main/core/export/export-worker.ts') },
      },
    },
  },
  preload: {
    build: {
      // a sandboxed preload is one CommonJS script that can require only 'electron'
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: src('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: src('renderer'),
    plugins: [react()],
    build: {
      outDir: path.resolve(import.meta.dirname, 'out/renderer'),
      rolldownOptions: { input: src('renderer/index.html') },
    },
  },
});
