// Writing a ZIP (XLSX is one) with the native zlib. Entries are deflated as they are written, a
// buffer at a time (each chunk sync-flushed, so the chunks join into one deflate stream), into a
// small temporary file with its CRC-32 and sizes; the archive is then assembled with sizes known,
// so no data descriptors. Entries and the archive stay under 4 GB (no ZIP64): XLSX never gets there.
import fs from 'node:fs';
import zlib from 'node:zlib';

const LIMIT = 0xffffffff;
const LEVEL = 1;

/** An entry being deflated into a temporary file. */
export class DeflatedEntry {
  crc = 0;
  size = 0;
  compressed = 0;
  private readonly fd: number;
  private open = true;
  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'w');
  }
  write(chunk: Buffer): void {
    this.crc = zlib.crc32(chunk, this.crc);
    this.size += chunk.length;
    this.put(zlib.deflateRawSync(chunk, { level: LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  }
  private put(out: Buffer): void {
    fs.writeSync(this.fd, out);
    this.compressed += out.length;
  }
  /** The final (empty) block, and close. */
  finish(): void {
    if (!this.open) return;
    this.put(zlib.deflateRawSync(Buffer.alloc(0), { level: LEVEL }));
    this.close();
  }
  close(): void {
    if (this.open) fs.closeSync(this.fd);
    this.open = false;
  }
}

export type ZipSource = { name: string; text: string } | { name: string; entry: DeflatedEntry };

function dosTime(d: Date): [number, number] {
  return [(d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2), ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate()];
}

export function writeZip(file: string, sources: readonly ZipSource[]): void {
  const out = fs.openSync(file, 'w');
  const central: Buffer[] = [];
  const [time, date] = dosTime(new Date());
  let offset = 0;
  try {
    for (const source of sources) {
      const data = 'text' in source ? Buffer.from(source.text, 'utf8') : null;
      const deflated = data ? zlib.deflateRawSync(data, { level: LEVEL }) : null;
      const crc = data ? zlib.crc32(data) : (source as { entry: DeflatedEntry }).entry.crc;
      const size = data ? data.length : (source as { entry: DeflatedEntry }).entry.size;
      const compressed = deflated ? deflated.length : (source as { entry: DeflatedEntry }).entry.compressed;
      if (size > LIMIT || compressed > LIMIT || offset > LIMIT) throw new Error(`${source.name} 超过 4 GB，无法写入`);
      const name = Buffer.from(source.name, 'utf8');
      // the fields local and central headers share: flags (UTF-8 names), deflate, time, CRC, sizes, name length
      const common = (b: Buffer, at: number): Buffer => {
        b.writeUInt16LE(0x0800, at);
        b.writeUInt16LE(8, at + 2);
        b.writeUInt16LE(time, at + 4);
        b.writeUInt16LE(date, at + 6);
        b.writeUInt32LE(crc >>> 0, at + 8);
        b.writeUInt32LE(compressed, at + 12);
        b.writeUInt32LE(size, at + 16);
        b.writeUInt16LE(name.length, at + 20);
        return b;
      };
      const local = common(Buffer.alloc(30), 6);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      fs.writeSync(out, local);
      fs.writeSync(out, name);
      if (deflated) fs.writeSync(out, deflated);
      else copyInto(out, (source as { entry: DeflatedEntry }).entry.file);
      const entry = common(Buffer.alloc(46), 8);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE(20, 4);
      entry.writeUInt16LE(20, 6);
      entry.writeUInt32LE(offset, 42);
      central.push(entry, name);
      offset += 30 + name.length + compressed;
    }
    const directory = Buffer.concat(central);
    fs.writeSync(out, directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(sources.length, 8);
    end.writeUInt16LE(sources.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    fs.writeSync(out, end);
  } finally {
    fs.closeSync(out);
  }
}

function copyInto(out: number, file: string): void {
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) fs.writeSync(out, buf, 0, n);
  } finally {
    fs.closeSync(fd);
  }
}
