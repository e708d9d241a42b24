// The core as a library for the benchmarks (bench/*.mjs import the bundle out/node/library.js):
// open a library, store reports, correct, export, analyse.
export { openLibrary } from './store/library';
export { insertReport, indexPendingText } from './store/reports';
export { changeField } from './store/corrections';
export { runExport } from './export';
export { agencies, agencyTrend, compliance, groupStats } from './analysis';
export { processFile } from './pipeline';
