// Export files written through a buffer into <file>.tmp and renamed into place only when complete.
import fs from 'node:fs';

/** bytes per chunk handed on (by default) */
const SIZE = 1 << 22;
/** characters joined before they are encoded (one encoder call per many small strings) */
const PENDING = 1 << 13;

/** Strings joined, encoded into a Buffer and handed on a chunk at a time: few calls, little garbage. */
export class FileBuffer {
  private buf: Buffer;
  private at = 0;
  private pending = '';
  /** `sink` gets each full chunk and may keep it (the next one is a new Buffer, not from the pool) */
  constructor(
    private readonly sink: (chunk: Buffer) => void,
    private readonly size = SIZE,
  ) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }
  write(s: string): void {
    this.pending += s;
    if (this.pending.length >= PENDING) this.encode();
  }
  private encode(): void {
    const s = this.pending;
    this.pending = '';
    if (this.at + s.length * 3 > this.size) {
      this.handOn();
      if (s.length * 3 > this.size) return this.sink(Buffer.from(s, 'utf8'));
    }
    this.at += this.buf.write(s, this.at, 'utf8');
  }
  private handOn(): void {
    if (!this.at) return;
    this.sink(this.buf.subarray(0, this.at));
    this.buf = Buffer.allocUnsafeSlow(this.size);
    this.at = 0;
  }
  flush(): void {
    this.encode();
    this.handOn();
  }
}

/** A file written through a buffer into <file>.tmp, renamed into place when complete. */
export class BufferedFile {
  private readonly fd: number;
  private readonly out: FileBuffer;
  constructor(private readonly file: string) {
    this.fd = fs.openSync(`${file}.tmp`, 'w');
    this.out = new FileBuffer((chunk) => fs.writeSync(this.fd, chunk));
  }
  write(s: string): void {
    this.out.write(s);
  }
  /** bytes made elsewhere (a worker's batch), after what was written before */
  writeBytes(bytes: Uint8Array): void {
    this.out.flush();
    fs.writeSync(this.fd, bytes);
  }
  commit(): void {
    this.out.flush();
    fs.closeSync(this.fd);
    fs.renameSync(`${this.file}.tmp`, this.file);
  }
  abort(): void {
    fs.closeSync(this.fd);
    fs.rmSync(`${this.file}.tmp`, { force: true });
  }
}
