// Pure security policy of the shell: the renderer's CSP, which URLs are our own page,
// and which requests may leave the renderer (none to the network, except the dev server).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where our page comes from: the Vite dev server in development, else the built index.html. */
export interface AppPage {
  devServerUrl?: string;
  indexFile: string;
}

const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  const origin = dev ? ` ${dev.origin}` : '';
  // dev only: the React refresh preamble is an inline script and Vite injects <style> tags
  const inline = dev ? " 'unsafe-inline'" : '';
  const hmr = dev ? ` ws://${dev.host}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${origin}${inline}`,
    `style-src 'self'${origin}${inline}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${origin}${hmr}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** True when `url` is our renderer page (query and hash ignored). */
export function isAppUrl(url: string, page: AppPage): boolean {
  const u = parse(url);
  if (!u) return false;
  if (page.devServerUrl) return u.origin === new URL(page.devServerUrl).origin;
  if (u.protocol !== 'file:') return false;
  try {
    return path.resolve(fileURLToPath(u)) === path.resolve(page.indexFile);
  } catch {
    return false; // file URL with a remote host
  }
}

/** Local schemes pass; network requests only to the dev server. */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (!NETWORK_PROTOCOLS.has(u.protocol)) return true;
  return devServerUrl !== undefined && u.host === new URL(devServerUrl).host;
}
