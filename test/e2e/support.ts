/// <reference lib="dom" />
// Chromium (Debian's, via playwright-core) against the browser harness with a fresh library.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import type { Harness } from '../../src/main/harness/server';
import { built } from '../support/built';
import { REPO, tempDir } from '../support/tmp';

export const SCREENSHOTS = path.join(REPO, 'test', 'e2e', '__screenshots__');

export interface Session {
  browser: Browser;
  page: Page;
  harness: Harness;
  /** console errors, CSP violations and requests that left 127.0.0.1 */
  problems: string[];
  close(): Promise<void>;
}

export async function openApp(): Promise<Session> {
  const { startHarness } = (await import(built('node/harness.js'))) as typeof import('../../src/main/harness/server');
  const harness = await startHarness({ home: tempDir('nianbao-e2e-'), rendererDir: path.join(REPO, 'out', 'renderer'), workerScript: built('node/workers/pipeline.js') });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(harness.url.slice(0, -1))) problems.push(`request: ${r.url()}`);
  });
  await page.goto(harness.url);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    page,
    harness,
    problems,
    async close() {
      await browser.close();
      await harness.close();
    },
  };
}

/** Drop files on the window the way a person drags them from the file manager. */
export async function dropFiles(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, data: f.bytes.toString('base64') }));
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const { name, data } of items) {
      const bin = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      dt.items.add(new File([bin], name));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, payload);
}

/** One app session per test, closed after it: `const app = appPerTest(); … s = await app.open();` */
export function appPerTest(): { open(): Promise<Session> } {
  let current: Session | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    async open() {
      current = await openApp();
      return current;
    },
  };
}
