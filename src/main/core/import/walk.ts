// Expand the paths a person gave (files and folders, recursively) into files to import.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileOutcome } from '../../../shared/model';

export interface FoundFile {
  path: string;
  name: string;
  size: number;
}

export interface WalkResult {
  files: FoundFile[];
  /** paths that could not be read at all */
  problems: FileOutcome[];
}

const IGNORED = /^(\.|~\$|Thumbs\.db$|desktop\.ini$)/i;

export async function walk(paths: readonly string[], signal?: AbortSignal): Promise<WalkResult> {
  const files: FoundFile[] = [];
  const problems: FileOutcome[] = [];
  const seen = new Set<string>();
  const visit = async (p: string, explicit: boolean): Promise<void> => {
    if (signal?.aborted) return;
    const abs = path.resolve(p);
    const name = path.basename(abs);
    if (seen.has(abs) || (!explicit && IGNORED.test(name))) return;
    seen.add(abs);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ path: abs, name, status: 'failed', code: 'unreadable', message: code === 'ENOENT' ? '文件不存在' : `无法读取: ${code ?? err}` });
      return;
    }
    if (stat.isDirectory()) {
      const entries = await fs.readdir(abs).catch(() => null);
      if (!entries) {
        problems.push({ path: abs, name, status: 'failed', code: 'unreadable', message: '无法读取文件夹' });
        return;
      }
      for (const entry of entries.sort()) await visit(path.join(abs, entry), false);
    } else if (stat.isFile()) {
      files.push({ path: abs, name, size: stat.size });
    }
  };
  for (const p of paths) await visit(p, true);
  return { files, problems };
}
