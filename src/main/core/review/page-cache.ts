// Drawn pages kept on disk in the library folder (cache/pages), so a page drawn once opens at once
// in later sessions. Bounded: the oldest files go when the folder grows past its budget.
import fs from 'node:fs/promises';
import path from 'node:path';

export interface PageCache {
  read(sha256: string, page: number, dpi: number): Promise<Uint8Array | null>;
  write(sha256: string, page: number, dpi: number, png: Uint8Array): Promise<void>;
}

const BUDGET_BYTES = 512 * 2 ** 20;
const PRUNE_EVERY = 64;

export function pageCache(home: string, budget = BUDGET_BYTES): PageCache {
  const dir = path.join(home, 'cache', 'pages');
  const file = (sha: string, page: number, dpi: number) => path.join(dir, sha.slice(0, 2), `${sha}-${page}-${dpi}.png`);
  let writes = 0;
  return {
    read: (sha, page, dpi) => fs.readFile(file(sha, page, dpi)).catch(() => null),
    async write(sha, page, dpi, png) {
      const target = file(sha, page, dpi);
      const tmp = `${target}.${process.pid}.tmp`;
      try {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(tmp, png);
        await fs.rename(tmp, target);
        if (++writes % PRUNE_EVERY === 0) await prune(dir, budget);
      } catch {
        // a cache that cannot be written only costs drawing the page again
        await fs.rm(tmp, { force: true });
      }
    },
  };
}

async function prune(dir: string, budget: number): Promise<void> {
  const files: { file: string; size: number; mtime: number }[] = [];
  for (const sub of await fs.readdir(dir)) {
    for (const name of await fs.readdir(path.join(dir, sub))) {
      const file = path.join(dir, sub, name);
      const st = await fs.stat(file);
      files.push({ file, size: st.size, mtime: st.mtimeMs });
    }
  }
  let total = files.reduce((n, f) => n + f.size, 0);
  for (const f of files.sort((a, b) => a.mtime - b.mtime)) {
    if (total <= budget) break;
    await fs.rm(f.file, { force: true });
    total -= f.size;
  }
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
