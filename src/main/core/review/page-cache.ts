// Drawn pages kept on disk in the library folder (cache/pages), so a page drawn once (or ahead of
// time, see page-warmer.ts) opens at once in later sessions. Each PNG carries its scale (pixels per
// page unit) in a text chunk. Bounded: the least recently used files go when the folder grows past
// its budget.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DrawnPage } from './page-pictures';
import { pngChunk } from './png';

/** `turn`: quarter turns clockwise the page is drawn at (as OCR read it), 0 by default */
export interface PageCache {
  read(sha256: string, page: number, dpi: number, turn?: number): Promise<DrawnPage | null>;
  write(sha256: string, page: number, dpi: number, drawn: DrawnPage, turn?: number): Promise<void>;
  has(sha256: string, page: number, dpi: number, turn?: number): Promise<boolean>;
  /** bytes the folder holds */
  usage(): Promise<number>;
  readonly budget: number;
}

const BUDGET_BYTES = 512 * 2 ** 20;
const PRUNE_EVERY = 64;

export function pageCache(home: string, budget = BUDGET_BYTES): PageCache {
  const dir = path.join(home, 'cache', 'pages');
  const file = (sha: string, page: number, dpi: number, turn = 0) => path.join(dir, sha.slice(0, 2), `${sha}-${page}-${dpi}${turn ? `-t${turn}` : ''}.png`);
  let writes = 0;
  /** the folder's size, walked once, then kept up to date */
  let total: Promise<number> | null = null;
  const usage = (): Promise<number> => (total ??= listFiles(dir).then((files) => files.reduce((n, f) => n + f.size, 0)));
  const grow = (bytes: number): void => void (total = usage().then((n) => Math.max(0, n + bytes)));
  return {
    budget,
    usage,
    has: (sha, page, dpi, turn) => fs.access(file(sha, page, dpi, turn)).then(() => true, () => false),
    async read(sha, page, dpi, turn) {
      const target = file(sha, page, dpi, turn);
      const png = await fs.readFile(target).catch(() => null);
      if (!png) return null;
      // used: the last to go when the folder is pruned
      const now = new Date();
      void fs.utimes(target, now, now).catch(() => undefined);
      // files written before the scale was kept are PDF pages, whose scale follows from the resolution
      return { ...pngSize(png), png: new Uint8Array(png), scale: pngScale(png) ?? dpi / 72 };
    },
    async write(sha, page, dpi, drawn, turn) {
      const target = file(sha, page, dpi, turn);
      const tmp = `${target}.${process.pid}.tmp`;
      try {
        const png = withScale(drawn.png, drawn.scale);
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(tmp, png);
        await fs.rename(tmp, target);
        grow(png.length);
        if (++writes % PRUNE_EVERY === 0) grow(-(await prune(dir, budget)));
      } catch {
        // a cache that cannot be written only costs drawing the page again
        await fs.rm(tmp, { force: true });
      }
    },
  };
}

async function listFiles(dir: string): Promise<{ file: string; size: number; mtime: number }[]> {
  const out: { file: string; size: number; mtime: number }[] = [];
  for (const sub of await fs.readdir(dir).catch(() => [])) {
    for (const name of await fs.readdir(path.join(dir, sub)).catch(() => [])) {
      const file = path.join(dir, sub, name);
      const st = await fs.stat(file).catch(() => null);
      if (st) out.push({ file, size: st.size, mtime: st.mtimeMs });
    }
  }
  return out;
}

/** Remove the least recently used files beyond the budget; returns the bytes freed. */
async function prune(dir: string, budget: number): Promise<number> {
  const files = await listFiles(dir);
  let total = files.reduce((n, f) => n + f.size, 0);
  let freed = 0;
  for (const f of files.sort((a, b) => a.mtime - b.mtime)) {
    if (total <= budget) break;
    await fs.rm(f.file, { force: true });
    total -= f.size;
    freed += f.size;
  }
  return freed;
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const SCALE_KEY = 'nianbao-scale';
/** signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC) */
const AFTER_IHDR = 33;

/** The PNG with a tEXt chunk `nianbao-scale` after its header. */
export function withScale(png: Uint8Array, scale: number): Uint8Array {
  const chunk = pngChunk('tEXt', Buffer.from(`${SCALE_KEY}\0${scale}`, 'latin1'));
  return Buffer.concat([png.subarray(0, AFTER_IHDR), chunk, png.subarray(AFTER_IHDR)]);
}

/** The scale withScale wrote, if any (it is the chunk right after the header). */
export function pngScale(png: Uint8Array): number | null {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < AFTER_IHDR + 12 || buf.toString('latin1', AFTER_IHDR + 4, AFTER_IHDR + 8) !== 'tEXt') return null;
  const text = buf.toString('latin1', AFTER_IHDR + 8, AFTER_IHDR + 8 + buf.readUInt32BE(AFTER_IHDR));
  if (!text.startsWith(`${SCALE_KEY}\0`)) return null;
  const scale = Number(text.slice(SCALE_KEY.length + 1));
  return Number.isFinite(scale) && scale > 0 ? scale : null;
}
