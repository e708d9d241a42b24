// Static checks that the build and packaging configs point at files that exist and agree
// with the paths the shell loads at run time (src/main/electron/paths.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../electron.vite.config';
import { BUILD_OUTPUTS } from '../../../src/main/electron/paths';
import { PAGE_WORKER_FILE } from '../../../src/main/core/review/page-pictures';
import { EXPORT_WORKER_FILE } from '../../../src/main/core/export';
import { REPO } from '../../support/tmp';

type Build = { outDir?: string; rolldownOptions?: { input?: string | Record<string, string>; output?: { format?: string; entryFileNames?: string } } };
const build = (part: 'main' | 'preload' | 'renderer'): Build => config[part]?.build as Build;
const inputs = (part: 'main' | 'preload' | 'renderer'): Record<string, string> => {
  const input = build(part).rolldownOptions?.input;
  return typeof input === 'string' ? { [path.basename(input, path.extname(input))]: input } : (input ?? {});
};
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
const builderYml = fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8');

describe('electron.vite.config.ts', () => {
  it.each(['main', 'preload', 'renderer'] as const)('%s inputs exist', (part) => {
    const files = Object.values(inputs(part));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(fs.existsSync(file), file).toBe(true);
  });

  it('emits what the shell loads', () => {
    // the review's page worker and the export worker sit next to the pipeline worker (the host finds them there)
    const beside = (file: string) => path.posix.join(path.posix.dirname(BUILD_OUTPUTS.worker), file);
    expect(Object.keys(inputs('main')).map((name) => `out/main/${name}.js`)).toEqual([pkg.main, BUILD_OUTPUTS.worker, beside(PAGE_WORKER_FILE), beside(EXPORT_WORKER_FILE)]);
    const preload = build('preload').rolldownOptions?.output;
    expect(preload?.format).toBe('cjs');
    expect(Object.keys(inputs('preload')).map((name) => `out/preload/${preload?.entryFileNames?.replace('[name]', name)}`)).toEqual([BUILD_OUTPUTS.preload]);
    expect(path.relative(REPO, path.join(build('renderer').outDir ?? '', 'index.html')).split(path.sep).join('/')).toBe(BUILD_OUTPUTS.rendererHtml);
  });
});

describe('preload', () => {
  it('imports at run time only electron, the bridge and the channel names', () => {
    const dir = path.join(REPO, 'src/preload');
    const runtime = fs
      .readdirSync(dir)
      .flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/^import (?!type )[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]));
    expect(new Set(runtime)).toEqual(new Set(['electron', './bridge', '../shared/channels']));
  });
});

describe('electron-builder.yml', () => {
  it('packages the build output and its folders exist', () => {
    expect(builderYml).toMatch(/^files:\n {2}- out\/\*\*\n {2}- package\.json$/m);
    for (const output of [pkg.main, ...Object.values(BUILD_OUTPUTS)]) expect(output.startsWith('out/')).toBe(true);
    expect(builderYml).toMatch(/^ {2}buildResources: build$/m);
    expect(fs.statSync(path.join(REPO, 'build')).isDirectory()).toBe(true);
    expect(builderYml).toMatch(/^ {2}- from: resources\/\n {4}to: resources$/m);
    expect(fs.statSync(path.join(REPO, 'resources')).isDirectory()).toBe(true);
  });

  it('unpacks better-sqlite3, rebuilt for Electron by the dist script rather than by electron-builder', () => {
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    expect(builderYml).toContain('"**/node_modules/better-sqlite3/**"');
    expect(builderYml).toMatch(/^npmRebuild: false$/m);
    expect(pkg.scripts.dist).toMatch(/^electron-builder install-app-deps && electron-vite build && electron-builder --config electron-builder.yml$/);
  });
});
