// A temporary library with the real database, for integration tests.
import fs from 'node:fs';
import path from 'node:path';
import { openLibrary, type Library } from '../../src/main/core/store/library';
import { inlineExecutor, type Executor } from '../../src/main/core/import/executor';
import { runImport } from '../../src/main/core/import/job';
import { exportReport, type ExportedReport } from '../../src/main/core/export/json';
import { reportIds } from '../../src/main/core/store/reports';
import type { JobSummary } from '../../src/shared/model';
import { tempDir } from './tmp';

export interface TestLibrary {
  lib: Library;
  import(paths: string[], executor?: Executor, signal?: AbortSignal): Promise<JobSummary>;
  exported(): ExportedReport[];
}

export function testLibrary(): TestLibrary {
  const lib = openLibrary({ home: tempDir('nianbao-lib-') });
  return {
    lib,
    import: (paths, executor = inlineExecutor(), signal) => runImport(lib, paths, { executor, signal }),
    exported: () => reportIds(lib.db).map((id) => exportReport(lib.db, id)!),
  };
}

/** Write files into a fresh temp folder; returns the folder. */
export function writeFiles(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir('nianbao-in-');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
