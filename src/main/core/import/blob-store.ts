// Content-addressed store of originals inside the library folder: blobs/<aa>/<sha256>.
import fs from 'node:fs/promises';
import path from 'node:path';

export function blobPath(home: string, sha256: string): string {
  return path.join(home, 'blobs', sha256.slice(0, 2), sha256);
}

/** Write once, atomically (temp file + rename); an existing blob is left as it is. Async: file creation is slow on some disks. */
export async function putBlob(home: string, sha256: string, bytes: Uint8Array): Promise<string> {
  const target = blobPath(home, sha256);
  if (await exists(target)) return target;
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, target);
  return target;
}

const exists = (p: string): Promise<boolean> =>
  fs.access(p).then(
    () => true,
    () => false,
  );
