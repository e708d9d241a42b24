// Where exports go: the library's exports folder, or (desktop) the file the shell's save dialog
// returns, asked for by the host after the dialog's options arrive; the renderer names no path.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHost, type ApiHost } from '../../src/main/core/api/host';
import { fixture, tempDir } from '../support/tmp';
import { parseCsv } from '../support/csv';

let host: ApiHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function importSeeds(h: ApiHost): Promise<void> {
  const started = await h.dispatch('import:start', { paths: [fixture('seeds')] });
  expect(started.ok).toBe(true);
  await new Promise<void>((resolve) => {
    const off = h.on('job:done', () => {
      off();
      resolve();
    });
  });
}

describe('export target', () => {
  it('asks the shell where to save, with the options the dialog chose; a cancel writes nothing', async () => {
    const chosen = path.join(tempDir(), '我的导出.csv');
    const asked: string[] = [];
    let answer: string | null = chosen;
    host = createApiHost({ home: tempDir('nianbao-lib-'), chooseSavePath: async (suggested) => (asked.push(suggested), answer) });
    await importSeeds(host);
    expect(await host.dispatch('library:info', {})).toMatchObject({ ok: true, value: { asksSavePath: true } });
    const queue = (await host.dispatch('review:queue', {})) as { ok: true; value: { id: number }[] };
    const one = queue.value[0]!.id;

    const r = await host.dispatch('library:export', { format: 'csv-wide', ids: [one] });
    expect(r).toMatchObject({ ok: true, value: { path: chosen, reports: 1 } });
    expect(path.basename(asked[0]!)).toMatch(/^年报导出-\d{8}-\d{6}-wide\.csv$/);
    const rows = parseCsv(fs.readFileSync(chosen, 'utf8').slice(1));
    expect(rows.slice(2).map((row) => Number(row[0]))).toEqual([one]);

    answer = null;
    fs.rmSync(chosen);
    expect(await host.dispatch('library:export', { format: 'xlsx' })).toMatchObject({ ok: false, code: 'cancelled' });
    expect(fs.existsSync(chosen)).toBe(false);
    expect(await host.dispatch('analysis:export', { view: 'compliance' })).toMatchObject({ ok: false, code: 'cancelled' });
    // a path from the renderer is refused
    expect(await host.dispatch('library:export', { format: 'csv', path: chosen })).toMatchObject({ ok: false, code: 'bad_args' });
  });

  it('writes into the library’s exports folder where no shell asks', async () => {
    const home = tempDir('nianbao-lib-');
    host = createApiHost({ home });
    await importSeeds(host);
    const r = (await host.dispatch('library:export', { format: 'json' })) as { ok: true; value: { path: string } };
    expect(path.dirname(r.value.path)).toBe(path.join(home, 'exports'));
    expect(fs.existsSync(r.value.path)).toBe(true);
  });
});
