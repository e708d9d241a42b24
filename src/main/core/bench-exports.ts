// The core as a library for the benchmarks in bench/ (bundled to out/node/core.js): open a library,
// store reports, correct, export, analyse, and the API host.
export { createApiHost } from './api/host';
export { openLibrary } from './store/library';
export { insertReport, indexPendingText } from './store/reports';
export { changeField } from './store/corrections';
export { rankPending } from './store/zh-order';
export { runExport } from './export';
export { agencies, agencyTrend, compliance, groupStats } from './analysis';
export { processFile } from './pipeline';
export { runImport } from './import/job';
export { workerExecutor } from './import/executor';
