// Export files written through a buffer into <file>.tmp and renamed into place only when complete.
import fs from 'node:fs';

const SIZE = 1 << 22;

/** Strings encoded straight into one reused Buffer, handed on when it fills: no joins, little garbage. */
export class FileBuffer {
  private readonly buf = Buffer.allocUnsafe(SIZE);
  private at = 0;
  /** `sink` gets each full chunk (a view of the buffer, used before the next write) */
  constructor(private readonly sink: (chunk: Buffer) => void) {}
  write(s: string): void {
    if (this.at + s.length * 3 > SIZE) {
      this.flush();
      if (s.length * 3 > SIZE) return this.sink(Buffer.from(s, 'utf8'));
    }
    this.at += this.buf.write(s, this.at, 'utf8');
  }
  flush(): void {
    if (this.at) this.sink(this.buf.subarray(0, this.at));
    this.at = 0;
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
