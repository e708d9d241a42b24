// Files read into shared memory and hashed in slices: the same bytes and the same sha256 as a plain read.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../support/tmp';
import { readShared, sha256Of } from '../../../src/main/core/import/read-file';

describe('reading a file for the import', () => {
  it('reads into shared memory and hashes a scan larger than one slice', async () => {
    const file = fixture('scans', 'scan-2021-html-official.pdf');
    const plain = fs.readFileSync(file);
    const bytes = await readShared(file);
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(bytes).equals(plain)).toBe(true);
    expect(plain.length).toBeGreaterThan(1 << 20);
    expect(await sha256Of(bytes)).toBe(crypto.createHash('sha256').update(plain).digest('hex'));
    expect(await sha256Of(new Uint8Array(0))).toBe(crypto.createHash('sha256').digest('hex'));
  });
});
