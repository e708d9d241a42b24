// Hardening every web contents and the default session: no new windows, no navigation,
// no webviews, no permissions, no network, and a strict CSP on every response.
import { app, type Session } from 'electron';
import { contentSecurityPolicy, isAllowedRequest } from './policy';

export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function hardenSession(session: Session, devServerUrl?: string): void {
  const csp = contentSecurityPolicy(devServerUrl);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, devServerUrl) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
    callback({ responseHeaders: { ...Object.fromEntries(headers), 'Content-Security-Policy': [csp] } });
  });
}
