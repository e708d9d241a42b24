// Writing a ZIP (XLSX is one) from files and strings with the native zlib: deflated on a stream,
// CRC-32 and sizes known before each entry is written, so no data descriptors. Entries and the
// whole archive stay under 4 GB (no ZIP64), which XLSX never reaches.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import zlib from 'node:zlib';

export type ZipSource = { name: string; text: string } | { name: string; file: string };

const LIMIT = 0xffffffff;

function dosTime(d: Date): [number, number] {
  return [(d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2), ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate()];
}

/** Deflate one source into a temporary file; returns its CRC-32 and sizes. */
async function deflate(source: ZipSource, tmp: string, level: number): Promise<{ crc: number; size: number; compressed: number }> {
  let crc = 0;
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _enc, done) {
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const input = 'text' in source ? [Buffer.from(source.text, 'utf8')] : fs.createReadStream(source.file, { highWaterMark: 1 << 20 });
  await pipeline(input, measure, zlib.createDeflateRaw({ level }), fs.createWriteStream(tmp));
  return { crc, size, compressed: fs.statSync(tmp).size };
}

export async function writeZip(file: string, sources: readonly ZipSource[], level = 1): Promise<void> {
  const out = fs.openSync(file, 'w');
  const central: Buffer[] = [];
  const [time, date] = dosTime(new Date());
  let offset = 0;
  const tmp = `${file}.entry.tmp`;
  try {
    for (const source of sources) {
      const { crc, size, compressed } = await deflate(source, tmp, level);
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
      const buf = Buffer.allocUnsafe(1 << 20);
      const fd = fs.openSync(tmp, 'r');
      try {
        for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) fs.writeSync(out, buf, 0, n);
      } finally {
        fs.closeSync(fd);
      }
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
    fs.rmSync(tmp, { force: true });
  }
}
