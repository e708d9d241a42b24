import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { walk } from '../../../src/main/core/import/walk';
import { fileKindOf } from '../../../src/main/core/import/file-types';
import { tempDir } from '../../support/tmp';

describe('walk', () => {
  it('walks folders recursively, skips hidden files, reports missing paths', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    for (const f of ['a/x.html', 'a/b/y.txt', 'a/.hidden.txt', 'z.pdf']) fs.writeFileSync(path.join(dir, f), 'x');
    const { files, problems } = await walk([dir, path.join(dir, 'missing.txt'), path.join(dir, 'z.pdf')]);
    expect(files.map((f) => path.relative(dir, f.path)).sort()).toEqual([path.join('a', 'b', 'y.txt'), path.join('a', 'x.html'), 'z.pdf']);
    expect(problems).toEqual([expect.objectContaining({ name: 'missing.txt', status: 'failed', message: '文件不存在' })]);
  });

  it('knows which files it can read', () => {
    expect(fileKindOf('报告.HTM')).toBe('html');
    expect(fileKindOf('a.mhtml')).toBe('mht');
    expect(fileKindOf('a.txt')).toBe('text');
    expect(fileKindOf('a.PDF')).toBe('pdf');
    expect(fileKindOf('a.docx')).toBe('docx');
    expect(fileKindOf('a.ofd')).toBe('ofd');
    expect(fileKindOf('a.xls')).toBeNull();
    expect(fileKindOf('README')).toBeNull();
  });
});
