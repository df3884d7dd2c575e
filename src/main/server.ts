/**
 * Browser mode: the same service over HTTP on 127.0.0.1 only. Every request needs the
 * per-run token (API calls in a header, the page itself in the URL once, then a
 * SameSite=Strict cookie); a foreign Host (DNS rebinding) or Origin is refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { SourcebenchApi } from '../shared/api';
import { decodeWire, encodeWire } from '../shared/wire';
import type { Reply } from './dispatch';
import { dispatch } from './dispatch';

export const TOKEN_HEADER = 'x-sourcebench-token';
const COOKIE = 'sourcebench_token';
const MAX_BODY = 96 * 1024 * 1024;

/** The page may load its own scripts and styles and talk to this server; nothing else. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const STATUS: Record<string, number> = {
  invalid_request: 400,
  unknown_method: 404,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  internal: 500,
};

export interface ServerOptions {
  service: SourcebenchApi;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export function tokensEqual(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  // Compare equal-length buffers so the time taken says nothing about the token.
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function sendReply(res: http.ServerResponse, reply: Reply) {
  const status = reply.ok ? 200 : (STATUS[reply.error.code] ?? 422);
  send(res, status, encodeWire(reply), 'application/json; charset=utf-8');
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticDir = path.resolve(options.staticDir);
  let port = 0;

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    const host = req.headers.host ?? '';
    if (!allowedHosts.includes(host)) {
      return sendReply(res, { ok: false, error: { code: 'forbidden', message: `Requests for host "${host}" are refused` } });
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
      return sendReply(res, { ok: false, error: { code: 'forbidden', message: `Requests from origin "${origin}" are refused` } });
    }
    const url = new URL(req.url ?? '/', `http://${host}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendReply(res, { ok: false, error: { code: 'invalid_request', message: 'API calls are POST requests' } });
      if (!tokensEqual(req.headers[TOKEN_HEADER] as string | undefined, token)) {
        return sendReply(res, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token' } });
      }
      let payload: unknown;
      try {
        const body = await readBody(req);
        payload = body ? decodeWire(body) : {};
      } catch (err) {
        return sendReply(res, { ok: false, error: { code: 'invalid_request', message: `The request body is not valid JSON: ${(err as Error).message}` } });
      }
      return sendReply(res, await dispatch(options.service, decodeURIComponent(url.pathname.slice(5)), payload));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    }
    const queryToken = url.searchParams.get('token') ?? undefined;
    const authorised = tokensEqual(queryToken, token) || tokensEqual(cookieToken(req.headers.cookie), token);
    if (!authorised) {
      return send(res, 401, 'Sourcebench: open the address printed when the server started (it carries the access token).', 'text/plain; charset=utf-8');
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(staticDir, rel);
    if (!file.startsWith(staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    }
    const cookie = queryToken ? { 'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` } : undefined;
    send(res, 200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream', cookie);
  };

  const server = http.createServer((req, res) => {
    handler(req, res).catch((err: Error) => {
      if (!res.headersSent) sendReply(res, { ok: false, error: { code: 'internal', message: err.message } });
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}
