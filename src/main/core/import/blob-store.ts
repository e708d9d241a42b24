// Content-addressed store of originals inside the library folder: blobs/<aa>/<sha256>.
import fs from 'node:fs';
import path from 'node:path';

export function blobPath(home: string, sha256: string): string {
  return path.join(home, 'blobs', sha256.slice(0, 2), sha256);
}

/** Write once, atomically (temp file + rename); an existing blob is left as it is. */
export function putBlob(home: string, sha256: string, bytes: Uint8Array): string {
  const target = blobPath(home, sha256);
  if (fs.existsSync(target)) return target;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, target);
  return target;
}
