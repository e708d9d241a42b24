// Export files written through a buffer into <file>.tmp and renamed into place only when complete.
import fs from 'node:fs';

/** A file written through a buffer into <file>.tmp, renamed into place when complete. */
export class BufferedFile {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;
  constructor(private readonly file: string) {
    this.fd = fs.openSync(`${file}.tmp`, 'w');
  }
  write(s: string): void {
    this.chunks.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  private flush(): void {
    fs.writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }
  commit(): void {
    this.flush();
    fs.closeSync(this.fd);
    fs.renameSync(`${this.file}.tmp`, this.file);
  }
  abort(): void {
    fs.closeSync(this.fd);
    fs.rmSync(`${this.file}.tmp`, { force: true });
  }
}
