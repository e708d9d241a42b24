// The React UI alone, for the browser harness and e2e tests (electron-vite builds the same root).
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    // no inline scripts: the CSP allows only 'self'
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
