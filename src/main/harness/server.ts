// Browser harness: the built renderer and the API contract over HTTP on 127.0.0.1, for
// end-to-end tests in Chromium and for machines where the desktop shell cannot run.
// Same handlers as the IPC wiring (createApiHost); a random token guards every call.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { API_EVENT_NAMES } from '../../shared/channels';
import { createApiHost, type ApiHost, type ApiHostOptions } from '../core/api/host';

export interface HarnessOptions extends ApiHostOptions {
  rendererDir: string;
  port?: number;
}

export interface Harness {
  url: string;
  token: string;
  host: ApiHost;
  close(): Promise<void>;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
const MAX_CALL_BODY = 8 * 2 ** 20;

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const host = createApiHost(options);
  const token = crypto.randomBytes(24).toString('hex');
  const streams = new Set<http.ServerResponse>();
  const unsubscribe = API_EVENT_NAMES.map((event) =>
    host.on(event, (payload) => {
      const message = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of streams) res.write(message);
    }),
  );
  let origin = '';

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: Error) => send(res, 500, { ok: false, code: 'internal', message: err.message }));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    // DNS rebinding and cross-site requests: only our own host and origin
    if (req.headers.host !== new URL(origin).host || (req.headers.origin && req.headers.origin !== origin)) {
      return send(res, 403, { ok: false, code: 'forbidden', message: 'forbidden origin' });
    }
    if (url.pathname.startsWith('/api/')) {
      const given = req.headers['x-nianbao-token'] ?? url.searchParams.get('token');
      if (given !== token) return send(res, 401, { ok: false, code: 'unauthorized', message: 'bad token' });
      if (req.method === 'GET' && url.pathname === '/api/events') return openEvents(res);
      if (req.method === 'POST' && url.pathname.startsWith('/api/call/')) {
        const body = await readBody(req, MAX_CALL_BODY);
        const args: unknown = body.length ? JSON.parse(body.toString('utf8')) : {};
        return send(res, 200, await host.dispatch(decodeURIComponent(url.pathname.slice('/api/call/'.length)), args));
      }
      if (req.method === 'POST' && url.pathname === '/api/upload') return upload(req, res, url.searchParams.get('name') ?? 'upload');
      return send(res, 404, { ok: false, code: 'not_found', message: url.pathname });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, code: 'method', message: 'method not allowed' });
    return serveStatic(url.pathname, res);
  }

  function openEvents(res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  async function upload(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    const parts = name.split(/[\\/]+/).filter((p) => p && p !== '.' && p !== '..');
    if (parts.length === 0) return send(res, 400, { ok: false, code: 'bad_name', message: 'bad file name' });
    const target = path.join(host.home, 'uploads', crypto.randomUUID(), ...parts);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await pipeline(req, fs.createWriteStream(target));
    send(res, 200, { path: target });
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const root = path.resolve(options.rendererDir);
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, { ok: false, code: 'not_found', message: pathname });
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' };
    if (path.basename(file) === 'index.html') {
      const html = fs.readFileSync(file, 'utf8').replace('<head>', `<head>\n<meta name="nianbao-token" content="${token}">`);
      res.writeHead(200, headers).end(html);
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/`,
    token,
    host,
    async close() {
      unsubscribe.forEach((off) => off());
      for (const res of streams) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await host.close();
    },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
