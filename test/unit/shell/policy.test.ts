import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isAllowedRequest, isAppUrl } from '../../../src/main/electron/policy';

const DEV = 'http://localhost:5173/';
const indexFile = path.resolve('/app/out/renderer/index.html');

describe('content security policy', () => {
  it('is strict in production', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('lets the dev server and its websocket in, in development only', () => {
    const csp = contentSecurityPolicy(DEV);
    expect(csp).toContain("script-src 'self' http://localhost:5173 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173");
    expect(csp).toContain("object-src 'none'");
  });
});

describe('own page', () => {
  it('is the built index.html, whatever the hash or query', () => {
    const url = pathToFileURL(indexFile);
    expect(isAppUrl(url.href, { indexFile })).toBe(true);
    expect(isAppUrl(`${url.href}?x=1#/reports/3`, { indexFile })).toBe(true);
  });

  it('is nothing else', () => {
    expect(isAppUrl(pathToFileURL(path.resolve('/app/out/renderer/other.html')).href, { indexFile })).toBe(false);
    expect(isAppUrl('https://example.com/', { indexFile })).toBe(false);
    expect(isAppUrl('file://evil.example/app/out/renderer/index.html', { indexFile })).toBe(false);
    expect(isAppUrl('not a url', { indexFile })).toBe(false);
  });

  it('is the dev server origin in development', () => {
    expect(isAppUrl('http://localhost:5173/#/x', { devServerUrl: DEV, indexFile })).toBe(true);
    expect(isAppUrl('http://localhost:5174/', { devServerUrl: DEV, indexFile })).toBe(false);
    expect(isAppUrl(pathToFileURL(indexFile).href, { devServerUrl: DEV, indexFile })).toBe(false);
  });
});

describe('requests', () => {
  it('never reach the network in production', () => {
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:8080/', 'wss://example.com/', 'ftp://example.com/']) {
      expect(isAllowedRequest(url)).toBe(false);
    }
  });

  it('may read local resources', () => {
    for (const url of [pathToFileURL(indexFile).href, 'data:image/png;base64,AA==', 'devtools://devtools/bundled/x.html']) {
      expect(isAllowedRequest(url)).toBe(true);
    }
  });

  it('may reach the dev server, and only it, in development', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedRequest('https://example.com/', DEV)).toBe(false);
  });
});
