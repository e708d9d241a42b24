// The export worker in a packaged app: electron-builder.yml unpacks the built workers and the
// chunks they import, the host finds the worker's unpacked copy next to the pipeline worker in
// app.asar, and exports run on it there (in a folder outside the repository, so the worker can
// only load what is unpacked beside it).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportWorkerPath, runExport } from '../../src/main/core/export';
import { BUILD_OUTPUTS } from '../../src/main/electron/paths';
import { built } from '../support/built';
import { linkTree, packagedLayout, unpackedFolders } from '../support/packaged';
import { fixture, REPO, tempDir } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';

let t: TestLibrary | undefined;
afterEach(() => t?.lib.close());

describe('export worker in a packaged app', () => {
  it('is unpacked with its chunks, found there, and exports from there', async () => {
    const workers = path.posix.dirname(BUILD_OUTPUTS.worker);
    expect(unpackedFolders()).toEqual(expect.arrayContaining([workers, 'out/main/chunks']));
    const { asar, unpacked } = packagedLayout();
    // the electron-vite build is not made here: the Node build of the same entry stands in for it
    linkTree(path.dirname(built('node/workers/export.js')), path.join(unpacked, workers));
    const pipeline = path.join(asar, BUILD_OUTPUTS.worker);
    const worker = exportWorkerPath(pipeline);
    expect(worker).toBe(path.join(unpacked, workers, 'export.js'));
    expect(worker.startsWith(REPO)).toBe(false);
    // outside an archive (development, the CLI's build) the path stays beside the pipeline worker
    expect(exportWorkerPath(path.join(REPO, BUILD_OUTPUTS.worker))).toBe(path.join(REPO, workers, 'export.js'));

    t = testLibrary();
    await t.import([fixture('seeds')]);
    const dir = tempDir();
    for (const format of ['csv', 'xlsx'] as const) {
      const r = await runExport(t.lib, format, path.join(dir, `all.${format}`), {}, worker);
      expect(r.reports).toBe(5);
      expect(fs.statSync(r.path).size).toBeGreaterThan(1000);
    }
    expect(fs.readFileSync(path.join(dir, 'all.csv'), 'utf8').split('\r\n').filter(Boolean).length).toBeGreaterThan(50);
  });
});
