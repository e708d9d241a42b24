// The core as a library for the benchmarks in bench/ (bundled to out/node/core.js).
export { createApiHost } from './api/host';
export { openLibrary } from './store/library';
export { insertReport, indexPendingText } from './store/reports';
export { processFile } from './pipeline';
export { rankPending } from './store/zh-order';
