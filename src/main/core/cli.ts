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
import { EXPORT_FORMATS, EXPORT_WORKER_FILE, ExportCancelled, runExport, type ExportFormat } from './export';
import { exportOptionsSchema } from '../../shared/api';
import { BundleError, exportBundle, importBundle } from './bundle';
import { listConflicts } from './store/bundle';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  isTTY: boolean;
}

const USAGE = `用法 / usage:
  nianbao import <文件或文件夹>... [--db PATH]    导入 / import files and folders
  nianbao export --db PATH --format json|csv|csv-wide|xlsx --out FILE   导出 / export
      [--ids 1,2] [--years 2021,2022] [--regions 湖南省,福建省] [--layouts 2021,2019,legacy,narrative]
      [--verified-only] [--originals]      只导出已核对的数字 / 同时导出原始文件 (FILE-originals.zip)
  nianbao list [--db PATH] [--search TEXT]        列出报告（可全文搜索）/ list reports (full-text search)
  nianbao bundle export --out FILE [--db PATH]    把整个资料库打包成一个文件 / the whole library as one file
  nianbao bundle import FILE [--db PATH]          合并另一个资料库包 / merge another library's bundle
Without --db the library in NIANBAO_HOME or the per-user app data folder is used.`;

const STATUS_LABEL: Record<FileOutcome['status'], string> = { imported: '已导入', duplicate: '重复', failed: '失败', skipped: '跳过' };

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      search: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      ids: { type: 'string' },
      years: { type: 'string' },
      regions: { type: 'string' },
      layouts: { type: 'string' },
      'verified-only': { type: 'boolean' },
      originals: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
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
      const format = values.format as ExportFormat;
      if (!EXPORT_FORMATS.includes(format)) return usageError(io, `export: 不支持的格式 ${values.format}（支持 ${EXPORT_FORMATS.join(', ')}）`);
      if (!values.out) return usageError(io, 'export: 需要 --out FILE');
      const split = (v: string | undefined) => v?.split(',').map((x) => x.trim()).filter(Boolean);
      const numbers = (v: string | undefined) => split(v)?.map(Number);
      const options = exportOptionsSchema.safeParse({
        ids: numbers(values.ids),
        years: numbers(values.years),
        regions: split(values.regions),
        layouts: split(values.layouts),
        verifiedOnly: values['verified-only'],
        includeOriginals: values.originals,
      });
      if (!options.success) return usageError(io, `export: 选项有误 ${options.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ')}`);
      return withLibrary(open(), (lib) => exportCommand(lib, format, values.out!, options.data, io));
    }
    case 'bundle':
      return bundleCommand(positionals, values.out, open, io);
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

async function bundleCommand(args: string[], out: string | undefined, open: () => Library, io: CliIo): Promise<number> {
  const [action, file] = args;
  if (action === 'export') {
    if (!out) return usageError(io, 'bundle export: 需要 --out FILE');
    return withLibrary(open(), async (lib) => {
      const m = await exportBundle(lib, path.resolve(out));
      io.out(`已打包 ${m.reports} 份报告、${m.files - m.missing.length} 个原始文件 → ${out}${m.missing.length ? `（缺少 ${m.missing.length} 个原始文件）` : ''}`);
      return 0;
    });
  }
  if (action !== 'import' || !file) return usageError(io, 'bundle: 用法 bundle export --out FILE | bundle import FILE');
  return withLibrary(open(), async (lib) => {
    try {
      const s = await importBundle(lib, path.resolve(file));
      io.out(
        `已合并 ${file}：${s.reports} 份报告中新增 ${s.added}（其中近似重复 ${s.nearDuplicates}），已有 ${s.exactDuplicates}；` +
          `新文件名 ${s.names}，采用更正 ${s.adopted}，历史记录 ${s.history}，冲突 ${s.conflicts}`,
      );
      for (const c of listConflicts(lib.db)) {
        io.out(`冲突\t#${c.reportId}\t${c.key}\t本库 ${String(c.localValue)}（${c.localStatus}）\t导入 ${String(c.incomingValue)}（${c.incomingStatus}，${c.incomingBy ?? '—'}）`);
      }
      return 0;
    } catch (err) {
      if (!(err instanceof BundleError)) throw err;
      io.err(`${err.message} [${err.code}]\n`);
      return 1;
    }
  });
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

/** Progress on stderr; Ctrl+C stops the export, leaving no file under its name. */
async function exportCommand(lib: Library, format: ExportFormat, out: string, options: Parameters<typeof runExport>[3], io: CliIo): Promise<number> {
  const worker = new URL(`./workers/${EXPORT_WORKER_FILE}`, import.meta.url);
  const abort = new AbortController();
  const onSigint = (): void => abort.abort();
  process.once('SIGINT', onSigint);
  const onProgress = (done: number, total: number): void => {
    const line = `导出 [${done}/${total}] 份报告`;
    if (io.isTTY) io.err(`\r\x1b[K${line}${done === total ? '\n' : ''}`);
    else io.err(`${line}\n`);
  };
  try {
    const result = await runExport(lib, format, path.resolve(out), options, fs.existsSync(worker) ? worker : undefined, { signal: abort.signal, onProgress });
    io.out(`已导出 ${result.reports} 份报告 → ${out}`);
    if (result.originals) io.out(`原始文件 ${result.originals.files} 个 → ${result.originals.path}`);
    return 0;
  } catch (err) {
    if (!(err instanceof ExportCancelled)) throw err;
    io.err(`${io.isTTY ? '\n' : ''}已取消导出，没有写入 ${out}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
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
