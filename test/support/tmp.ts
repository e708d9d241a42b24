// Self-cleaning temporary folders for tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'nianbao-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export const REPO = path.resolve(import.meta.dirname, '../..');
export const fixture = (...parts: string[]): string => path.join(REPO, 'test', 'fixtures', ...parts);
