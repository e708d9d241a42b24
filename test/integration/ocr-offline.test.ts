// OCR never touches the network: a child process with every connection attempt (net, tls, dns,
// fetch, in its worker threads too) logged and refused recognizes a page; the same harness catches
// a tesseract.js worker started without a local model path (so it can fail).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { built } from '../support/built';
import { fixture, REPO, tempDir } from '../support/tmp';

function runChild(mode: 'ours' | 'cdn'): { log: string; out: string; status: number | null } {
  const log = path.join(tempDir(), 'net.log');
  fs.writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', path.join(REPO, 'test/support/no-network.mjs'), path.join(REPO, 'test/support/ocr-child.mjs'), mode, fixture('scans', 'scan-2021-html-official.pdf')], {
    env: { ...process.env, NIANBAO_NET_LOG: log },
    encoding: 'utf8',
    // a worker whose model fetch failed never settles: the careless child is ended once it tried
    timeout: mode === 'ours' ? 90_000 : 10_000,
  });
  return { log: fs.readFileSync(log, 'utf8'), out: r.stdout, status: r.status };
}

describe('OCR offline', () => {
  it('recognizes a page with no connection attempt', () => {
    built('node/ocr.js');
    const r = runChild('ours');
    expect(r.log).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out.trim().split('\n').at(-1)!).text).toContain('政府信息公开');
  });

  it('catches a worker that would fetch its model', () => {
    const r = runChild('cdn');
    expect(r.log).toMatch(/fetch https:\/\/cdn\.jsdelivr\.net/);
  });
});
