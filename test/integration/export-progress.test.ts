// Exports follow their progress and can be cancelled: progress events arrive (in order, ending at
// the total), and a cancel mid-export, on worker threads or not, in every format, leaves no file
// under the export's name and no temporary file beside it; through the API too (job:progress,
// import:cancel), the XLSX made on the export worker.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runExport, type ExportFormat } from '../../src/main/core/export';
import { writeLineExport } from '../../src/main/core/export/line-exports';
import { createApiHost, type ApiHost } from '../../src/main/core/api/host';
import type { JobProgress } from '../../src/shared/model';
import { built } from '../support/built';
import { REPO, tempDir } from '../support/tmp';
import { insertCopies } from '../support/copies';
import { run as cli } from '../support/cli';
import { openLibrary, type Library } from '../../src/main/core/store/library';

const REPORTS = 200;
let lib: Library;
let host: ApiHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});
beforeAll(async () => {
  lib = await library(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-progress-')));
});
afterAll(() => {
  lib.close();
  fs.rmSync(lib.home, { recursive: true, force: true });
});

/** A library of REPORTS copies of a real 2021 report. */
async function library(home: string): Promise<Library> {
  const lib = openLibrary({ home });
  await insertCopies(lib.db, REPORTS);
  return lib;
}

const worker = () => built('node/workers/export.js');
const leftIn = (dir: string) => fs.readdirSync(dir);

describe('export progress and cancel', () => {
  it('reports progress up to the total, in every format, on workers and here', async () => {
    const dir = tempDir();
    const runs: [ExportFormat, string | undefined][] = [
      ['csv', worker()],
      ['csv-wide', undefined],
      ['json', worker()],
      ['xlsx', worker()],
    ];
    for (const [format, on] of runs) {
      {
        const seen: number[] = [];
        const file = path.join(dir, `${format}-${on ? 'workers' : 'here'}`);
        const r = await runExport(lib, format, file, {}, on, { onProgress: (done, total) => (expect(total).toBe(REPORTS), seen.push(done)) });
        expect(r.reports).toBe(REPORTS);
        expect(seen.length).toBeGreaterThan(1);
        expect(seen.at(-1)).toBe(REPORTS);
        expect([...seen].sort((a, b) => a - b)).toEqual(seen);
        expect(fs.statSync(file).size).toBeGreaterThan(0);
      }
    }
    expect(leftIn(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('cancelled mid-export leaves no file and no temporary file, in every format', async () => {
    const dir = tempDir();
    const cases: [string, (file: string, signal: AbortSignal, onProgress: (done: number) => void) => Promise<unknown>][] = [
      ['csv on workers', (file, signal, onProgress) => writeLineExport(lib.db, file, 'csv', {}, { workerScript: worker(), dbPath: lib.dbPath, batchReports: 5 }, { signal, onProgress })],
      ['json here', (file, signal, onProgress) => writeLineExport(lib.db, file, 'json', {}, { batchReports: 5 }, { signal, onProgress })],
      ['xlsx on the worker', (file, signal, onProgress) => runExport(lib, 'xlsx', file, {}, worker(), { signal, onProgress })],
      ['xlsx here', (file, signal, onProgress) => runExport(lib, 'xlsx', file, {}, undefined, { signal, onProgress })],
    ];
    for (const [name, run] of cases) {
      const abort = new AbortController();
      let last = 0;
      const file = path.join(dir, name);
      await expect(run(file, abort.signal, (done) => ((last = done), abort.abort())), name).rejects.toMatchObject({ code: 'cancelled' });
      expect(last, name).toBeGreaterThan(0);
      expect(last, name).toBeLessThan(REPORTS);
      expect(leftIn(dir), name).toEqual([]);
    }
  });

  it('through the API: progress events of the job, import:cancel stops it, nothing written', async () => {
    const home = lib.home;
    host = createApiHost({ home, workerScript: built('node/workers/pipeline.js'), warmPages: false, warmAnalysis: false });
    const jobId = crypto.randomUUID();
    const events: JobProgress[] = [];
    host.on('job:progress', (p) => {
      if (p.jobId !== jobId) return;
      events.push(p);
      if (events.length === 1) void host!.dispatch('import:cancel', { jobId });
    });
    const r = await host.dispatch('library:export', { format: 'xlsx', jobId });
    expect(r).toMatchObject({ ok: false, code: 'cancelled' });
    expect(events[0]).toMatchObject({ jobId, total: REPORTS });
    expect(events.at(-1)!.done).toBeLessThan(REPORTS);
    const exports = path.join(home, 'exports');
    expect(fs.existsSync(exports) ? leftIn(exports) : []).toEqual([]);
    // and when left to run, it ends at the total
    const done: number[] = [];
    const off = host.on('job:progress', (p) => void done.push(p.done));
    const ok = await host.dispatch('library:export', { format: 'csv' });
    off();
    expect(ok).toMatchObject({ ok: true, value: { reports: REPORTS } });
    expect(done.at(-1)).toBe(REPORTS);
  });

  it('nianbao export prints progress on stderr; Ctrl+C stops it with no file left', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'all.csv');
    const done = await cli(['export', '--db', lib.dbPath, '--format', 'csv', '--out', out]);
    expect(done.code).toBe(0);
    expect(done.stderr).toMatch(new RegExp(`导出 \\[${REPORTS}/${REPORTS}\\] 份报告`));
    expect(fs.existsSync(out)).toBe(true);

    const xlsx = path.join(dir, 'all.xlsx');
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'nianbao.js'), 'export', '--db', lib.dbPath, '--format', 'xlsx', '--out', xlsx]);
    let stderr = '';
    let interrupted = false;
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      // once, as a person presses Ctrl+C (a second one ends the process at once)
      if (!interrupted && /导出 \[\d+\/\d+\]/.test(stderr)) interrupted = child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('已取消导出');
    expect(leftIn(dir).sort()).toEqual(['all.csv']);
  });
});
