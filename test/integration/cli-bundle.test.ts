// The CLI: export with options, and a bundle from one library merged into another.
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../support/tmp';
import { run } from '../support/cli';

describe('nianbao export options and bundles', () => {
  it('exports a selection with the originals, and merges a bundle into another library', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'a', 'library.sqlite');
    const b = path.join(dir, 'b', 'library.sqlite');
    expect((await run(['import', fixture('seeds'), '--db', a])).code).toBe(0);
    expect((await run(['import', fixture('real'), '--db', b])).code).toBe(0);

    const out = path.join(dir, 'legacy.json');
    const exported = await run(['export', '--db', a, '--format', 'json', '--layouts', 'legacy,narrative', '--years', '2015,2018', '--originals', '--out', out]);
    expect(exported.code).toBe(0);
    const reports = (JSON.parse(fs.readFileSync(out, 'utf8')) as { reports: { fields: Record<string, { value: unknown }> }[] }).reports;
    expect(reports.map((r) => r.fields['meta.year']!.value).sort()).toEqual([2015, 2018, 2018]);
    expect(exported.stdout).toContain('原始文件 3 个');
    expect(Object.keys(unzipSync(fs.readFileSync(path.join(dir, 'legacy-originals.zip'))))).toContain('manifest.json');
    expect((await run(['export', '--db', a, '--format', 'json', '--years', 'abc', '--out', out])).code).toBe(2);

    const bundle = path.join(dir, 'b.nianbao');
    const packed = await run(['bundle', 'export', '--db', b, '--out', bundle]);
    expect(packed.stdout).toContain('已打包 4 份报告');
    const merged = await run(['bundle', 'import', bundle, '--db', a]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('新增 4');
    expect((await run(['bundle', 'import', bundle, '--db', a])).stdout).toContain('新增 0');
    expect((await run(['list', '--db', a])).stdout.trim().split('\n')).toHaveLength(9);

    fs.writeFileSync(path.join(dir, 'bad.nianbao'), 'not a bundle');
    const bad = await run(['bundle', 'import', path.join(dir, 'bad.nianbao'), '--db', a]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bundle_invalid');
  });
});
