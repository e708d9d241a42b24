// The `nianbao` command line: import, export, list — over the same core as the app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FileOutcome, JobProgress } from '../../shared/model';
import { openLibrary, type Library } from './store/library';
import { reportSummaries } from './store/reports';
import { queryIds } from './store/library-query';
import { failStaleJobs } from './store/jobs';
import { inlineExecutor, workerExecutor } from './import/executor';
import { runImport } from './import/job';
import { EXPORTERS, type ExportFormat } from './export';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  isTTY: boolean;
}

const USAGE = `用法 / usage:
  nianbao import <文件或文件夹>... [--db PATH]    导入 / import files and folders
  nianbao export --db PATH --format json|csv|csv-wide|xlsx --out FILE   导出 / export
  nianbao list [--db PATH] [--search TEXT]        列出报告（可全文搜索）/ list reports (full-text search)
Without --db the library in NIANBAO_HOME or the per-user app data folder is used.`;

const STATUS_LABEL: Record<FileOutcome['status'], string> = { imported: '已导入', duplicate: '重复', failed: '失败', skipped: '跳过' };

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { db: { type: 'string' }, search: { type: 'string' }, format: { type: 'string', default: 'json' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (!command || values.help || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  const open = (): Library => {
    const lib = openLibrary(values.db ? { dbPath: values.db } : {});
    failStaleJobs(lib.db);
    return lib;
  };
  switch (command) {
    case 'import':
      if (positionals.length === 0) return usageError(io, 'import: 请给出文件或文件夹 / give files or folders');
      return withLibrary(open(), (lib) => importCommand(lib, positionals, io));
    case 'export': {
      const write = EXPORTERS[(values.format ?? 'json') as ExportFormat];
      if (!write) return usageError(io, `export: 不支持的格式 ${values.format}（支持 ${Object.keys(EXPORTERS).join(', ')}）`);
      if (!values.out) return usageError(io, 'export: 需要 --out FILE');
      return withLibrary(open(), async (lib) => {
        const n = await write(lib.db, path.resolve(values.out!));
        io.out(`已导出 ${n} 份报告 → ${values.out}`);
        return 0;
      });
    }
    case 'list':
      return withLibrary(open(), (lib) => {
        for (const r of reportSummaries(lib.db, queryIds(lib.db, { search: values.search }))) {
          const dup = r.duplicateOf ? `\t重复于 #${r.duplicateOf}` : '';
          io.out(`#${r.id}\t${r.year ?? '—'}\t${r.format ?? '—'}\t${r.agency ?? '—'}\t${r.fileName}${dup}`);
        }
        return 0;
      });
    default:
      return usageError(io, `未知命令 ${command}`);
  }
}

async function importCommand(lib: Library, paths: string[], io: CliIo): Promise<number> {
  const worker = fileURLToPath(new URL('./workers/pipeline.js', import.meta.url));
  const executor = fs.existsSync(worker) ? workerExecutor(worker) : inlineExecutor();
  const abort = new AbortController();
  const onSigint = (): void => abort.abort();
  process.once('SIGINT', onSigint);
  try {
    const summary = await runImport(lib, paths, { executor, signal: abort.signal, onProgress: progressPrinter(io) });
    for (const o of summary.outcomes) if (o.status === 'failed' || o.status === 'skipped') io.out(`${STATUS_LABEL[o.status]}\t${o.path}\t${o.message ?? o.code ?? ''}`);
    io.out(
      `已导入 ${summary.imported}，重复 ${summary.duplicates}，失败 ${summary.failed}，跳过 ${summary.skipped}` +
        `${summary.cancelled ? '（已取消）' : ''} — ${lib.dbPath}`,
    );
    return summary.failed > 0 || summary.cancelled ? 1 : 0;
  } finally {
    process.off('SIGINT', onSigint);
    await executor.close();
  }
}

function progressPrinter(io: CliIo): (p: JobProgress) => void {
  return (p) => {
    if (!p.outcome) return;
    const line = `[${p.done}/${p.total}] ${STATUS_LABEL[p.outcome.status]} ${p.outcome.name}`;
    if (io.isTTY) io.err(`\r\x1b[K${line}${p.done === p.total ? '\n' : ''}`);
    else io.err(`${line}\n`);
  };
}

async function withLibrary(lib: Library, run: (lib: Library) => number | Promise<number>): Promise<number> {
  try {
    return await run(lib);
  } finally {
    lib.close();
  }
}

function usageError(io: CliIo, message: string): number {
  io.err(`${message}\n${USAGE}\n`);
  return 2;
}

function defaultIo(): CliIo {
  return { out: (l) => void process.stdout.write(`${l}\n`), err: (l) => void process.stderr.write(l), isTTY: process.stderr.isTTY === true };
}
