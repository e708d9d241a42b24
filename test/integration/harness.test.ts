// The browser harness: same handlers as IPC, guarded by token and origin.
import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/main/core/store/migrations';
import { fixture, tempDir } from '../support/tmp';
import { built } from '../support/built';
import type { Harness } from '../../src/main/harness/server';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const start = async (): Promise<Harness> => {
  const { startHarness } = (await import(built('node/harness.js'))) as typeof import('../../src/main/harness/server');
  const rendererDir = tempDir();
  (await import('node:fs')).writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  harness = await startHarness({ home: tempDir(), rendererDir, workerScript: built('node/workers/pipeline.js') });
  return harness;
};

const call = (h: Harness, method: string, args: unknown, headers: Record<string, string> = {}) =>
  fetch(`${h.url}api/call/${method}`, { method: 'POST', headers: { 'x-nianbao-token': h.token, 'content-type': 'application/json', ...headers }, body: JSON.stringify(args) });

describe('browser harness', () => {
  it('injects the token into the page and answers calls', async () => {
    const h = await start();
    const page = await (await fetch(h.url)).text();
    expect(page).toContain(`<meta name="nianbao-token" content="${h.token}">`);
    const info = await (await call(h, 'library:info', {})).json();
    expect(info).toMatchObject({ ok: true, value: { reports: 0, schemaVersion: SCHEMA_VERSION } });
  });

  it('refuses a wrong token, a foreign origin and invalid arguments', async () => {
    const h = await start();
    expect((await call(h, 'library:info', {}, { 'x-nianbao-token': 'nope' })).status).toBe(401);
    expect((await call(h, 'library:info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    const bad = await (await call(h, 'report:get', { id: 'DROP TABLE' })).json();
    expect(bad).toMatchObject({ ok: false, code: 'bad_args' });
    const unknown = await (await call(h, 'fs:delete', {})).json();
    expect(unknown).toMatchObject({ ok: false, code: 'unknown_method' });
    expect((await fetch(`${h.url}..%2f..%2fetc/passwd`)).status).toBe(404);
  });

  it('imports through the worker pool and streams progress events', async () => {
    const h = await start();
    const events: string[] = [];
    const done = new Promise<unknown>((resolve) => {
      h.host.on('job:progress', (p) => events.push(`${p.done}/${p.total}`));
      h.host.on('job:done', resolve);
    });
    const started = await (await call(h, 'import:start', { paths: [fixture('seeds')] })).json();
    expect(started).toMatchObject({ ok: true, value: { jobId: expect.any(String) } });
    expect(await done).toMatchObject({ imported: 5, failed: 0 });
    expect(events.at(-1)).toBe('5/5');
    const list = (await (await call(h, 'library:list', {})).json()) as { value: { total: number; rows: unknown[] } };
    expect(list.value.total).toBe(5);
    expect(list.value.rows).toHaveLength(5);
  });
});

describe('corrections over the API', () => {
  it('updates a field, returns the re-checked report and its history; refuses bad values as data', async () => {
    const h = await start();
    const done = new Promise((resolve) => h.host.on('job:done', resolve));
    await call(h, 'import:start', { paths: [fixture('seeds')] });
    await done;
    const list = (await (await call(h, 'library:list', {})).json()) as { value: { rows: { id: number; fileName: string }[] } };
    const id = list.value.rows.find((r) => r.fileName.startsWith('003_'))!.id;
    const updated = (await (await call(h, 'field:update', { reportId: id, key: 'legacy.apply.in_person', value: 2, status: 'corrected', note: '核对原件' })).json()) as {
      ok: boolean;
      value: { fields: { key: string; value: unknown; status: string }[]; checks: { rule: string; ok: boolean }[] };
    };
    expect(updated.ok).toBe(true);
    expect(updated.value.fields.find((f) => f.key === 'legacy.apply.in_person')).toMatchObject({ value: 2, status: 'corrected' });
    expect(updated.value.checks.find((c) => c.rule === 'legacy.apply_channels')?.ok).toBe(false);
    const history = await (await call(h, 'report:history', { id })).json();
    expect(history).toMatchObject({ ok: true, value: [{ key: 'legacy.apply.in_person', oldValue: 0, newValue: 2, reason: '核对原件' }] });
    const bad = await (await call(h, 'field:update', { reportId: id, key: 'legacy.apply.in_person', value: -3, status: 'corrected' })).json();
    expect(bad).toMatchObject({ ok: false, code: 'bad_value' });
  });
});

describe('re-extraction as a job over the API', () => {
  it('is named by the caller, streams its progress under that name and can be cancelled', async () => {
    const h = await start();
    const imported = new Promise((resolve) => h.host.on('job:done', resolve));
    await call(h, 'import:start', { paths: [fixture('reports'), fixture('seeds')] });
    expect(await imported).toMatchObject({ imported: 55 });
    const ids = ((await h.host.dispatch('library:ids', { query: {} })) as { value: number[] }).value;
    const progress = new Map<string, number[]>();
    h.host.on('job:progress', (p) => progress.set(p.jobId, [...(progress.get(p.jobId) ?? []), p.done]));

    // cancelled at once: the reports already in work finish, no other starts
    const first = crypto.randomUUID();
    const cancelled = h.host.dispatch('report:reextract', { ids, jobId: first });
    expect(await h.host.dispatch('report:reextract', { ids, jobId: first })).toMatchObject({ ok: false, code: 'job_exists' });
    expect(await h.host.dispatch('import:cancel', { jobId: first })).toMatchObject({ ok: true, value: { cancelled: true } });
    const partial = (await cancelled) as { ok: true; value: { jobId: string; reextracted: number[]; failed: unknown[] } };
    expect(partial.value.jobId).toBe(first);
    const reached = partial.value.reextracted.length + partial.value.failed.length;
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(ids.length);
    expect(progress.get(first)).toHaveLength(reached);

    const second = crypto.randomUUID();
    const full = (await h.host.dispatch('report:reextract', { ids, jobId: second, keepManual: true })) as { ok: true; value: { reextracted: number[] } };
    expect(full.value.reextracted).toEqual(ids);
    expect(progress.get(second)!.at(-1)).toBe(ids.length);
    expect(await h.host.dispatch('report:reextract', { ids, jobId: 'not-a-uuid' })).toMatchObject({ ok: false, code: 'bad_args' });
  });
});
