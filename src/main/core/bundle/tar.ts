// A minimal ustar writer and reader for library bundles: streamed both ways, one chunk in memory,
// entries up to 8 GB each and no limit on the whole (unlike ZIP without ZIP64), and every
// archiver (7-Zip, Windows tar, bsdtar) opens it.
import fs from 'node:fs';

const BLOCK = 512;
const CHUNK = 1 << 20;
const MAX_SIZE = 8 ** 11 - 1;

export class TarError extends Error {
  constructor(message: string) {
    super(message);
  }
}

function header(name: string, size: number, mtime: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new TarError(`条目名过长: ${name}`);
  if (size > MAX_SIZE) throw new TarError(`条目过大: ${name}`);
  const h = Buffer.alloc(BLOCK);
  const put = (value: string, at: number, len: number) => h.write(value, at, len, 'utf8');
  const octal = (n: number, len: number) => n.toString(8).padStart(len - 1, '0') + '\0';
  put(name, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(mtime / 1000), 12), 136, 12);
  put('        ', 148, 8);
  put('0', 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const b of h) sum += b;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}

/** Write the files, in order, under their entry names. */
export function writeTar(file: string, entries: Iterable<{ name: string; path: string }>): void {
  const out = fs.openSync(file, 'w');
  const buf = Buffer.allocUnsafe(CHUNK);
  try {
    for (const e of entries) {
      const stat = fs.statSync(e.path);
      fs.writeSync(out, header(e.name, stat.size, stat.mtimeMs));
      const fd = fs.openSync(e.path, 'r');
      let written = 0;
      try {
        for (let n; (n = fs.readSync(fd, buf, 0, CHUNK, null)) > 0; written += n) fs.writeSync(out, buf, 0, n);
      } finally {
        fs.closeSync(fd);
      }
      if (written !== stat.size) throw new TarError(`${e.path} 在写入时被改动`);
      if (written % BLOCK) fs.writeSync(out, Buffer.alloc(BLOCK - (written % BLOCK)));
    }
    fs.writeSync(out, Buffer.alloc(2 * BLOCK));
  } finally {
    fs.closeSync(out);
  }
}

function parseHeader(h: Buffer): { name: string; size: number; type: string } | null {
  if (h.every((b) => b === 0)) return null;
  const text = (at: number, len: number) => h.toString('utf8', at, at + len).replace(/\0[\s\S]*$/, '');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  const stored = parseInt(text(148, 8).trim(), 8);
  if (stored !== sum) throw new TarError('文件头校验失败，不是有效的资料库包');
  const size = parseInt(text(124, 12).trim() || '0', 8);
  if (!Number.isFinite(size) || size < 0) throw new TarError('条目大小无效');
  const prefix = text(345, 155);
  const name = text(0, 100);
  return { name: prefix ? `${prefix}/${name}` : name, size, type: text(156, 1) || '0' };
}

/**
 * Read the entries in order. `target` says where an entry's bytes go (a file path) or null to
 * refuse the bundle; `onData` sees each chunk (for hashing).
 */
export function readTar(file: string, target: (name: string, size: number) => string, onData?: (name: string, chunk: Buffer) => void): void {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  const h = Buffer.alloc(BLOCK);
  let pos = 0;
  try {
    for (;;) {
      if (fs.readSync(fd, h, 0, BLOCK, pos) < BLOCK) throw new TarError('资料库包不完整（文件被截断）');
      pos += BLOCK;
      const entry = parseHeader(h);
      if (!entry) return;
      if (entry.type !== '0') throw new TarError(`不支持的条目类型 ${entry.name}`);
      const out = fs.openSync(target(entry.name, entry.size), 'w');
      try {
        for (let left = entry.size; left > 0; ) {
          const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, left), pos);
          if (n === 0) throw new TarError('资料库包不完整（文件被截断）');
          fs.writeSync(out, buf, 0, n);
          onData?.(entry.name, buf.subarray(0, n));
          pos += n;
          left -= n;
        }
      } finally {
        fs.closeSync(out);
      }
      pos += (BLOCK - (entry.size % BLOCK)) % BLOCK;
    }
  } finally {
    fs.closeSync(fd);
  }
}
