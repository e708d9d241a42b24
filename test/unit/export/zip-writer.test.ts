// The zip writer read back by two other implementations (fflate, Info-ZIP unzip with its CRC test):
// more entries than the 16-bit fields hold, and every ZIP64 field (sizes and offsets forced past
// the limit, which real data reaches only past 4 GB).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DeflatedEntry, ZipWriter } from '../../../src/main/core/export/zip-writer';
import { tempDir } from '../../support/tmp';

/** Info-ZIP's test of every entry (CRCs included) and its count of entries. */
function unzipCheck(file: string): number {
  execFileSync('unzip', ['-tq', file], { encoding: 'utf8' });
  const info = execFileSync('zipinfo', ['-t', file], { encoding: 'utf8' });
  return Number(/^(\d+) files?/.exec(info)?.[1]);
}

describe('zip writer', () => {
  it('writes more than 65,535 entries with the ZIP64 end records', () => {
    const file = path.join(tempDir(), 'many.zip');
    const zip = new ZipWriter(file);
    const n = 70_000;
    for (let i = 0; i < n; i++) zip.addText(`f/${i}.txt`, `第 ${i} 个`);
    zip.close();
    const entries = unzipSync(fs.readFileSync(file));
    expect(Object.keys(entries)).toHaveLength(n);
    expect(Buffer.from(entries['f/69999.txt']!).toString('utf8')).toBe('第 69999 个');
    expect(unzipCheck(file)).toBe(n);
  });

  it('writes ZIP64 sizes and offsets for stored, deflated and streamed entries', async () => {
    const dir = tempDir();
    const original = path.join(dir, '原件.pdf');
    fs.writeFileSync(original, Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251)));
    const sheet = new DeflatedEntry(path.join(dir, 'sheet.tmp'));
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`).join('');
    sheet.write(Buffer.from(rows.slice(0, 100_000)));
    sheet.write(Buffer.from(rows.slice(100_000)));
    await sheet.finish();
    const file = path.join(dir, 'zip64.zip');
    const zip = new ZipWriter(file, { zip64Above: 0 });
    zip.addText('manifest.json', '{"名":"年报"}');
    zip.addFile('originals/1/原件.pdf', original);
    zip.addDeflated('xl/worksheets/sheet1.xml', sheet);
    zip.close();
    const entries = unzipSync(fs.readFileSync(file));
    expect(Buffer.from(entries['manifest.json']!).toString('utf8')).toBe('{"名":"年报"}');
    expect(Buffer.from(entries['originals/1/原件.pdf']!).equals(fs.readFileSync(original))).toBe(true);
    expect(Buffer.from(entries['xl/worksheets/sheet1.xml']!).toString('utf8')).toBe(rows);
    expect(unzipCheck(file)).toBe(3);
    // the records are there: a ZIP64 end of central directory and its locator
    const bytes = fs.readFileSync(file);
    expect(bytes.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBeGreaterThan(0);
    expect(bytes.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBeGreaterThan(0);
  });
});
