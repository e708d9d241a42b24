// A file's bytes as the import hands them around: read straight into shared memory (posted to the
// pipeline and render workers without a copy on the main thread), hashed in slices so a large scan
// never holds the main thread for its whole length.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';

/** Hashed between two turns of the event loop. */
const HASH_SLICE = 1 << 20;

export async function readShared(file: string): Promise<Uint8Array> {
  const fh = await fs.open(file, 'r');
  try {
    const { size } = await fh.stat();
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    for (let at = 0; at < size; ) {
      const { bytesRead } = await fh.read(bytes, at, size - at, at);
      if (bytesRead === 0) return bytes.subarray(0, at); // shortened while read
      at += bytesRead;
    }
    return bytes;
  } finally {
    await fh.close();
  }
}

export async function sha256Of(bytes: Uint8Array): Promise<string> {
  const hash = crypto.createHash('sha256');
  for (let at = 0; at < bytes.byteLength; at += HASH_SLICE) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    hash.update(bytes.subarray(at, at + HASH_SLICE));
  }
  return hash.digest('hex');
}
