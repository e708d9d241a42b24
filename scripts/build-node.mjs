// Bundle the Node entry points (CLI, browser harness, pipeline worker) into out/node.
// Runs in `prepare`, so `npx nianbao` works right after `npm ci`.
import { build } from 'esbuild';

await build({
  entryPoints: {
    cli: 'src/main/core/cli.ts',
    harness: 'src/main/harness/server.ts',
    serve: 'src/main/harness/serve.ts',
    'workers/pipeline': 'src/main/workers/pipeline.ts',
    // the per-file pipeline as a library, for bench/extract.mjs
    pipeline: 'src/main/core/pipeline.ts',
    // the store and the API host as a library, for bench/library.mjs
    core: 'src/main/core/bench-exports.ts',
  },
  outdir: 'out/node',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
