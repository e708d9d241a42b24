// The worker threads in a packaged app: electron-builder.yml unpacks the built workers, the chunks
// they import and the packages those import; the shell starts the pipeline worker from its
// unpacked copy (electron/paths.ts) and the host finds the page-render and export workers beside
// it. Here in a folder outside the repository holding only what is unpacked, so a worker can load
// nothing else: an import of every kind of file, a page picture and exports run there.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobSummary } from '../../src/shared/model';
import { createApiHost, type ApiHost } from '../../src/main/core/api/host';
import { exportWorkerPath } from '../../src/main/core/export';
import { appPaths, BUILD_OUTPUTS } from '../../src/main/electron/paths';
import { built } from '../support/built';
import { linkTree, packagedLayout, unpackedFolders } from '../support/packaged';
import { fixture, REPO, tempDir } from '../support/tmp';

let host: ApiHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe('worker threads in a packaged app', () => {
  it('start from the unpacked copies and run there with only the unpacked packages', async () => {
    const workers = path.posix.dirname(BUILD_OUTPUTS.worker);
    expect(unpackedFolders()).toEqual(expect.arrayContaining([workers, 'out/main/chunks']));
    const { asar, unpacked } = packagedLayout();
    // the electron-vite build is not made here: the Node build of the same entries stands in for it
    linkTree(path.dirname(built('node/workers/pipeline.js')), path.join(unpacked, workers));
    const { worker } = appPaths(asar);
    expect(worker).toBe(path.join(unpacked, BUILD_OUTPUTS.worker));
    expect(worker.startsWith(REPO)).toBe(false);
    expect(exportWorkerPath(worker)).toBe(path.join(unpacked, workers, 'export.js'));
    // outside an archive (development) the paths stay as they are
    expect(appPaths(REPO).worker).toBe(path.join(REPO, BUILD_OUTPUTS.worker));

    host = createApiHost({ home: tempDir('nianbao-lib-'), workerScript: worker, warmPages: false, warmAnalysis: false });
    const files = [fixture('seeds'), fixture('reports', '2021-html-official.html'), fixture('office', 'report.docx'), fixture('office', 'report.doc'), fixture('pdf', 'text-2021-html-official.pdf'), fixture('pdf', 'scan-only.pdf')];
    const done = new Promise<JobSummary>((resolve) => host!.on('job:done', resolve));
    expect(await host.dispatch('import:start', { paths: files })).toMatchObject({ ok: true });
    const summary = await done;
    expect(summary.outcomes.filter((o) => o.status !== 'imported').map((o) => `${o.name}: ${o.status} ${o.message ?? ''}`)).toEqual([]);
    expect(summary.imported).toBe(10);
    expect(summary.ocr?.recognized).toBeGreaterThan(0);

    // a scanned PDF's page drawn on the page-render worker
    const scan = summary.outcomes.find((o) => o.name === 'scan-only.pdf')!.reportId!;
    const page = await host.dispatch('report:page', { id: scan, page: 1 });
    expect(page).toMatchObject({ ok: true, value: { image: expect.stringMatching(/^data:image\/png;base64,/) } });

    // exports on the export worker
    for (const format of ['csv', 'xlsx'] as const) {
      const r = await host.dispatch('library:export', { format });
      expect(r, format).toMatchObject({ ok: true, value: { reports: 10 } });
      const file = (r as { ok: true; value: { path: string } }).value.path;
      expect(fs.statSync(file).size).toBeGreaterThan(1000);
    }
  });
});
