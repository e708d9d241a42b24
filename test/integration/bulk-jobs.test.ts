// Bulk actions over many reports as jobs of the API host: verify, move to the trash and restore
// go a chunk at a time, tell their progress as job:progress events and stop on import:cancel,
// keeping what the chunks before did.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHost, type ApiHost } from '../../src/main/core/api/host';
import { openLibrary } from '../../src/main/core/store/library';
import { insertReport } from '../../src/main/core/store/reports';
import { processFile } from '../../src/main/core/pipeline';
import { REPORTS_PER_CHUNK } from '../../src/main/core/store/in-chunks';
import type { JobProgress } from '../../src/shared/model';
import type { LibraryCounts } from '../../src/shared/library';
import { fixture, tempDir } from '../support/tmp';

const N = REPORTS_PER_CHUNK * 4 + 17;
let host: ApiHost;
let ids: number[];

beforeAll(async () => {
  // one seed processed by the pipeline, stored N times under other bytes
  const home = tempDir('nianbao-lib-');
  const name = fs.readdirSync(fixture('seeds')).find((f) => f.startsWith('000'))!;
  const r = await processFile({ bytes: fs.readFileSync(fixture('seeds', name)), name, sha256: 'seed' });
  if (!r.ok) throw new Error(r.message);
  const lib = openLibrary({ home });
  lib.db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const sha256 = crypto.createHash('sha256').update(String(i)).digest('hex');
      insertReport(lib.db, { ...r.value, file: { sha256, size: 1, kind: r.value.kind, encoding: null, name: `${i}.txt`, path: `/${i}.txt` }, jobId: null, duplicateOf: null });
    }
  })();
  lib.close();
  host = createApiHost({ home });
  ids = await call<number[]>('library:ids', { query: {} });
});
afterAll(() => host.close());

async function call<T>(method: string, args: unknown): Promise<T> {
  const r = await host.dispatch(method as never, args as never);
  if (!r.ok) throw new Error(`${method}: ${r.message}`);
  return r.value as T;
}
const counts = () => call<LibraryCounts>('library:counts', {});

/** Run a bulk call as a job; cancel it after `cancelAfter` progress events (never: run it out). */
async function job<T>(method: string, args: object, cancelAfter = Infinity): Promise<{ value: T; progress: JobProgress[] }> {
  const jobId = crypto.randomUUID();
  const progress: JobProgress[] = [];
  const off = host.on('job:progress', (p) => {
    if (p.jobId !== jobId) return;
    progress.push(p);
    if (progress.length === cancelAfter) void call('import:cancel', { jobId });
  });
  const value = await call<T>(method, { ...args, jobId });
  off();
  return { value, progress };
}

describe('bulk actions as jobs', () => {
  it('moves many reports to the trash chunk by chunk, telling its progress', async () => {
    const { value, progress } = await job<{ moved: number }>('trash:move', { ids });
    expect(value).toEqual({ moved: N });
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4].map((k) => k * REPORTS_PER_CHUNK).concat(N));
    expect(progress.every((p) => p.total === N)).toBe(true);
    expect((await counts()).trash).toBe(N);
  });

  it('stops a restore when cancelled, keeping what came back', async () => {
    const { value, progress } = await job<{ restored: number; cancelled?: boolean }>('trash:restore', { ids }, 2);
    expect(value.cancelled).toBe(true);
    expect(value.restored).toBe(progress.at(-1)!.done);
    expect(value.restored).toBeLessThan(N);
    const after = await counts();
    expect([after.reports, after.trash]).toEqual([value.restored, N - value.restored]);
    expect((await job<{ restored: number }>('trash:restore', { ids })).value.restored).toBe(N - value.restored);
  });

  it('verifies in chunks and stops when cancelled, the chunks done verified', async () => {
    const { value, progress } = await job<{ verified: number; refusedIds: number[]; cancelled?: boolean }>('library:verify', { ids, note: '批量核验' }, 1);
    expect(value.cancelled).toBe(true);
    expect(value.verified + value.refusedIds.length).toBe(progress.at(-1)!.done);
    expect((await counts()).statuses.verified).toBe(value.verified);
    // without a job id: the same chunks, no events
    const rest = await call<{ verified: number; alreadyVerified: number; cancelled?: boolean }>('library:verify', { ids, note: '批量核验' });
    expect(rest.cancelled).toBeUndefined();
    expect(rest.alreadyVerified).toBe(value.verified);
    expect((await counts()).statuses.verified).toBe(value.verified + rest.verified);
  });
});
