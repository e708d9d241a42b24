#!/usr/bin/env node
// The `nianbao` command: runs the bundled CLI (built by `npm run build:node`, also in `prepare`).
import { main } from '../out/node/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`nianbao: ${err?.message ?? err}\n`);
    process.exitCode = 1;
  },
);
