// Writing ZIP archives with the native zlib, for XLSX workbooks and the originals zip. Entries are
// text deflated in memory, files copied as they are (stored: the CRC is computed while copying and
// written into the header after), or entries deflated beforehand into a temporary file on zlib's
// thread pool while the caller goes on making rows (DeflatedEntry). Sizes are known when a header
// is written, so no data descriptors. ZIP64 (extra fields, end records) is used where an entry,
// an offset or the directory pass 4 GB or there are more than 65,535 entries.
import fs from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { TransformOptions } from 'node:stream';
import zlib from 'node:zlib';

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
/** deflate level: 1 deflates sheets about 3 times as fast as 6, for 20 % more bytes (bench:export) */
export const DEFLATE_LEVEL = 1;
const COPY_CHUNK = 1 << 20;
/** deflate input queued per entry before a writer is asked to wait */
const QUEUE = 1 << 24;

/** An entry being deflated into a temporary file off the main thread. */
export class DeflatedEntry {
  crc = 0;
  size = 0;
  private readonly deflate: zlib.DeflateRaw;
  private readonly done: Promise<void>;
  constructor(readonly file: string) {
    // zlib streams take stream options too (the queue's length)
    const options: zlib.ZlibOptions & TransformOptions = { level: DEFLATE_LEVEL, chunkSize: 1 << 20, writableHighWaterMark: QUEUE };
    this.deflate = zlib.createDeflateRaw(options);
    this.done = pipeline(this.deflate, fs.createWriteStream(file));
    // awaited by finish(); a failure before then is not unhandled
    this.done.catch(() => undefined);
  }
  /** Queue a chunk (kept until deflated: the caller must not reuse it). */
  write(chunk: Buffer): void {
    this.crc = zlib.crc32(chunk, this.crc);
    this.size += chunk.length;
    this.deflate.write(chunk);
  }
  /** more input is waiting than the queue holds */
  get congested(): boolean {
    return this.deflate.writableNeedDrain;
  }
  drained(): Promise<unknown> {
    return this.congested ? once(this.deflate, 'drain') : Promise.resolve();
  }
  /** All input given: wait until the file is complete. */
  async finish(): Promise<void> {
    this.deflate.end();
    await this.done;
  }
  /** Stop deflating; resolves when the temporary file is closed. */
  abort(): Promise<unknown> {
    this.deflate.destroy();
    return this.done.catch(() => undefined);
  }
}

interface Central {
  name: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
}

function dosTime(d: Date): [number, number] {
  return [(d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2), ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate()];
}

const u64 = (b: Buffer, value: number, at: number): void => {
  b.writeBigUInt64LE(BigInt(value), at);
};

export interface ZipOptions {
  /** sizes and offsets above this get ZIP64 fields (default: what 32 bits cannot hold) */
  zip64Above?: number;
}

/** A ZIP archive written into a file front to back (the file is the caller's to rename or remove). */
export class ZipWriter {
  private readonly fd: number;
  private open = true;
  private offset = 0;
  /** small writes (headers, small entries) gathered into one */
  private readonly pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly entries: Central[] = [];
  private readonly time: number;
  private readonly date: number;
  private readonly limit: number;
  constructor(file: string, options: ZipOptions = {}) {
    this.fd = fs.openSync(file, 'w');
    [this.time, this.date] = dosTime(new Date());
    this.limit = Math.min(options.zip64Above ?? MAX32 - 1, MAX32 - 1);
  }

  /** Text (or bytes) from memory, deflated. */
  addText(name: string, data: string | Buffer): void {
    const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const deflated = zlib.deflateRawSync(raw, { level: DEFLATE_LEVEL });
    this.header({ name: Buffer.from(name, 'utf8'), method: 8, crc: zlib.crc32(raw), size: raw.length, compressed: deflated.length, offset: this.offset });
    this.put(deflated);
  }

  /** A file copied as it is (stored), a chunk at a time. */
  addFile(name: string, path: string): void {
    const size = fs.statSync(path).size;
    const entry: Central = { name: Buffer.from(name, 'utf8'), method: 0, crc: 0, size, compressed: size, offset: this.offset };
    const crcAt = this.header(entry);
    const buf = Buffer.allocUnsafe(COPY_CHUNK);
    const fd = fs.openSync(path, 'r');
    let copied = 0;
    try {
      for (let n; (n = fs.readSync(fd, buf, 0, COPY_CHUNK, null)) > 0; copied += n) {
        entry.crc = zlib.crc32(buf.subarray(0, n), entry.crc);
        this.put(buf.subarray(0, n));
      }
    } finally {
      fs.closeSync(fd);
    }
    if (copied !== size) throw new Error(`${path} 在写入压缩包时发生了变化`);
    this.flush();
    const crc = Buffer.alloc(4);
    crc.writeUInt32LE(entry.crc >>> 0);
    fs.writeSync(this.fd, crc, 0, 4, crcAt);
  }

  /** An entry deflated beforehand (finished), copied from its temporary file. */
  addDeflated(name: string, entry: DeflatedEntry): void {
    const compressed = fs.statSync(entry.file).size;
    this.header({ name: Buffer.from(name, 'utf8'), method: 8, crc: entry.crc, size: entry.size, compressed, offset: this.offset });
    const buf = Buffer.allocUnsafe(COPY_CHUNK);
    const fd = fs.openSync(entry.file, 'r');
    try {
      for (let n; (n = fs.readSync(fd, buf, 0, COPY_CHUNK, null)) > 0; ) this.put(buf.subarray(0, n));
    } finally {
      fs.closeSync(fd);
    }
  }

  /** The central directory and the end records; closes the file. */
  close(): void {
    try {
      const start = this.offset;
      for (const e of this.entries) this.put(this.centralHeader(e));
      const size = this.offset - start;
      const n = this.entries.length;
      if (n > MAX16 || size > this.limit || start > this.limit) {
        const end64 = Buffer.alloc(56 + 20);
        end64.writeUInt32LE(0x06064b50, 0);
        u64(end64, 44, 4);
        end64.writeUInt16LE(45, 12);
        end64.writeUInt16LE(45, 14);
        u64(end64, n, 24);
        u64(end64, n, 32);
        u64(end64, size, 40);
        u64(end64, start, 48);
        // the locator: where the ZIP64 end record is
        end64.writeUInt32LE(0x07064b50, 56);
        u64(end64, this.offset, 64);
        end64.writeUInt32LE(1, 72);
        this.put(end64);
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(Math.min(n, MAX16), 8);
      end.writeUInt16LE(Math.min(n, MAX16), 10);
      end.writeUInt32LE(size > this.limit ? MAX32 : size, 12);
      end.writeUInt32LE(start > this.limit ? MAX32 : start, 16);
      this.put(end);
      this.flush();
    } finally {
      this.abort();
    }
  }

  /** Give up (the caller removes the file). */
  abort(): void {
    if (this.open) fs.closeSync(this.fd);
    this.open = false;
  }

  private put(b: Buffer): void {
    this.offset += b.length;
    if (b.length >= COPY_CHUNK) {
      this.flush();
      fs.writeSync(this.fd, b);
      return;
    }
    // a copy: the caller may reuse its buffer
    this.pending.push(Buffer.from(b));
    this.pendingBytes += b.length;
    if (this.pendingBytes >= COPY_CHUNK) this.flush();
  }

  private flush(): void {
    if (!this.pending.length) return;
    fs.writeSync(this.fd, Buffer.concat(this.pending, this.pendingBytes));
    this.pending.length = 0;
    this.pendingBytes = 0;
  }

  /** Write the local header; returns the file position of its CRC. */
  private header(e: Central): number {
    const zip64 = e.size > this.limit || e.compressed > this.limit;
    const b = Buffer.alloc(30 + e.name.length + (zip64 ? 20 : 0));
    b.writeUInt32LE(0x04034b50, 0);
    b.writeUInt16LE(zip64 ? 45 : 20, 4);
    this.common(b, 6, e, zip64 ? MAX32 : e.compressed, zip64 ? MAX32 : e.size);
    b.writeUInt16LE(e.name.length, 26);
    b.writeUInt16LE(zip64 ? 20 : 0, 28);
    e.name.copy(b, 30);
    if (zip64) {
      const x = 30 + e.name.length;
      b.writeUInt16LE(0x0001, x);
      b.writeUInt16LE(16, x + 2);
      u64(b, e.size, x + 4);
      u64(b, e.compressed, x + 12);
    }
    this.entries.push(e);
    this.put(b);
    return e.offset + 14;
  }

  /** flags (UTF-8 names), method, time, date, CRC, sizes: the fields both headers share */
  private common(b: Buffer, at: number, e: Central, compressed: number, size: number): void {
    b.writeUInt16LE(0x0800, at);
    b.writeUInt16LE(e.method, at + 2);
    b.writeUInt16LE(this.time, at + 4);
    b.writeUInt16LE(this.date, at + 6);
    b.writeUInt32LE(e.crc >>> 0, at + 8);
    b.writeUInt32LE(compressed, at + 12);
    b.writeUInt32LE(size, at + 16);
  }

  private centralHeader(e: Central): Buffer {
    // ZIP64 fields of the central header: those of the three that do not fit, in this order
    const big = [e.size, e.compressed, e.offset].map((v) => v > this.limit);
    const extra = big.filter(Boolean).length * 8;
    const b = Buffer.alloc(46 + e.name.length + (extra ? 4 + extra : 0));
    b.writeUInt32LE(0x02014b50, 0);
    b.writeUInt16LE(45, 4);
    b.writeUInt16LE(extra ? 45 : 20, 6);
    this.common(b, 8, e, big[1] ? MAX32 : e.compressed, big[0] ? MAX32 : e.size);
    b.writeUInt16LE(e.name.length, 28);
    b.writeUInt16LE(extra ? 4 + extra : 0, 30);
    b.writeUInt32LE(big[2] ? MAX32 : e.offset, 42);
    e.name.copy(b, 46);
    if (extra) {
      let x = 46 + e.name.length;
      b.writeUInt16LE(0x0001, x);
      b.writeUInt16LE(extra, x + 2);
      x += 4;
      for (const [i, v] of [e.size, e.compressed, e.offset].entries()) {
        if (!big[i]) continue;
        u64(b, v, x);
        x += 8;
      }
    }
    return b;
  }
}
