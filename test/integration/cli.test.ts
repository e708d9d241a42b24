// The real `nianbao` command in a subprocess, on a temp library.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../support/tmp';
import { run } from '../support/cli';
import { writeFiles } from '../support/library';

describe('nianbao CLI', () => {
  it('imports the seeds, lists and exports them as nianbao/v1 JSON', async () => {
    const db = path.join(tempDir(), 'lib', 'library.sqlite');
    const imported = await run(['import', fixture('seeds'), '--db', db]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('已导入 5，重复 0，失败 0，跳过 0');
    expect(imported.stderr).toContain('[5/5]');

    const again = await run(['import', fixture('seeds'), '--db', db]);
    expect(again.stdout).toContain('已导入 0，重复 5');
    expect(again.code).toBe(0);

    const list = await run(['list', '--db', db]);
    expect(list.stdout.trim().split('\n')).toHaveLength(5);

    const out = path.join(tempDir(), 'export.json');
    const exported = await run(['export', '--db', db, '--format', 'json', '--out', out]);
    expect(exported.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(json.schema).toBe('nianbao/v1');
    expect(json.reports).toHaveLength(5);
    for (const r of json.reports) {
      expect(r).toMatchObject({ id: expect.any(Number), duplicate_of: null, checks: expect.any(Array) });
      expect(r.files[0]).toEqual({ name: expect.stringMatching(/^00\d_.*\.txt$/), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(r.fields['meta.year']).toMatchObject({ value: expect.any(Number), status: 'auto', source: { sha256: r.files[0].sha256 } });
    }
  });

  it('exits 1 when a file fails, after importing the rest', async () => {
    const home = tempDir();
    const dir = writeFiles({ 'empty.htm': '', 'ok.txt': fs.readFileSync(path.join(fixture('seeds'), fs.readdirSync(fixture('seeds'))[0]!)) });
    const r = await run(['import', dir], { NIANBAO_HOME: home });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/失败\t.*empty\.htm\t文件为空/);
    expect(r.stdout).toContain('已导入 1，重复 0，失败 1');
    expect(fs.existsSync(path.join(home, 'library.sqlite'))).toBe(true);
  });

  it('explains its usage', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知命令 frobnicate');
  });
});
