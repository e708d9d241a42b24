// Paths of the built Node entry points (npm test builds them before the tests run).
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './tmp';

export function built(rel: string): string {
  const file = path.join(REPO, 'out', rel);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return file;
}
