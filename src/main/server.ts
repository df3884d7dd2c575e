/**
 * Browser mode: the same service over HTTP on 127.0.0.1 only. Every API call needs the
 * per-run token in a header; the page's own static files (the public built UI) are served
 * without it, and the page takes the token from `?token=` once and keeps it for its tab
 * (no cookie: a cookie for 127.0.0.1 would be sent to every server on the machine,
 * whatever the port). A foreign Host (DNS rebinding) or Origin is refused.
 *
 * Request bodies are bounded by what the method needs: JSON calls by a small cap, file
 * bytes (RAW_BODY_METHODS) as a raw body streamed in up to the file limit, several files
 * (FILES_BODY_METHODS) packed into one body up to the same limit together. Over the cap
 * the answer is 413, and the connection is closed.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { MethodName, SourcebenchApi } from '../shared/api';
import { isMethodName } from '../shared/api';
import type { ErrorData } from '../shared/errors';
import { MAX_FILE_BYTES, tooLargeMessage } from '../shared/limits';
import { MAX_NOTE_BYTES } from '../shared/notes';
import { encodeWire, isFilesBodyMethod, isRawBodyMethod, isRawReplyMethod, MAX_FILES_MANIFEST_BYTES, rawInput, unpackFiles } from '../shared/wire';
import type { Reply } from './dispatch';
import { dispatch } from './dispatch';

export const TOKEN_HEADER = 'x-sourcebench-token';

/** The most a JSON call's body may be, unless its method needs more (JSON_BODY_LIMITS). */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** A note may hold MAX_NOTE_BYTES characters, each up to six bytes once escaped in JSON. */
const JSON_BODY_LIMITS: Partial<Record<MethodName, number>> = {
  updateAnnotation: 6 * MAX_NOTE_BYTES + 64 * 1024,
};

/** How many bytes a call's body may have: a file's bytes up to the file limit (several files: together, with their names), JSON up to its cap. */
export function bodyLimit(method: string): number {
  if (isRawBodyMethod(method)) return MAX_FILE_BYTES;
  if (isFilesBodyMethod(method)) return MAX_FILE_BYTES + 4 + MAX_FILES_MANIFEST_BYTES;
  return (isMethodName(method) ? JSON_BODY_LIMITS[method] : undefined) ?? JSON_BODY_LIMIT;
}

/** The page may load its own scripts and styles and talk to this server; nothing else. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // Page images of photographed sources are shown from blob: URLs made of their bytes.
  "img-src 'self' blob:",
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
  too_large: 413,
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

function sendReply(res: http.ServerResponse, reply: Reply, extra: Record<string, string> = {}) {
  const status = reply.ok ? 200 : (STATUS[reply.error.code] ?? 422);
  send(res, status, encodeWire(reply), 'application/json; charset=utf-8', extra);
}

/** How long a refused client may go on sending before its connection is cut. */
const LINGER_MS = 2000;

/**
 * Marks the answer as the connection's last (`Connection: close`) and, while the client
 * may still be sending a body, closes gently: Node would close the socket as soon as the
 * answer is written, and closing with unread data resets the connection, which can make a
 * client that is busy sending lose the answer. Instead our side is ended once the answer
 * is out (the client reads it, then the end), what the client still sends is read and
 * dropped (never kept), and the socket is closed when the client stops or after
 * LINGER_MS, whichever comes first.
 */
function lastAnswer(res: http.ServerResponse): Record<string, string> {
  const req = res.req as http.IncomingMessage | undefined;
  const socket = req?.socket;
  if (req && socket && !req.complete) {
    socket.destroySoon = function lingeringClose(this: typeof socket) {
      this.end();
      const timer = setTimeout(() => this.destroy(), LINGER_MS);
      timer.unref();
      this.once('end', () => this.destroy());
      this.once('close', () => clearTimeout(timer));
      req.resume();
    };
  }
  return { Connection: 'close' };
}

/** Refuses a request before its body is read: the connection closes rather than reading the body to drop it. */
function refuse(res: http.ServerResponse, error: ErrorData) {
  sendReply(res, { ok: false, error }, lastAnswer(res));
}

class BodyTooLarge extends Error {}

/** Decodes a percent-encoded path; a malformed escape is the client's error (400), not ours. */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Answers 413 and closes the connection after the answer (see lastAnswer): the client gets
 * the answer before the close, and the rest of an oversized body is never kept.
 */
function sendTooLarge(res: http.ServerResponse, message: string) {
  if (res.headersSent) return;
  send(res, 413, encodeWire({ ok: false, error: { code: 'too_large', message } }), 'application/json; charset=utf-8', lastAnswer(res));
}

/**
 * Reads a request body of at most `limit` bytes. A declared length over the limit is
 * refused before a byte is read; a chunked body is counted as it arrives and refused as
 * soon as it passes the limit. Chunks are gathered as they come, without blocking the
 * event loop; the body is joined once, at its end.
 */
function readBody(req: http.IncomingMessage, res: http.ServerResponse, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limit) return reject(new BodyTooLarge(`the request body is ${declared} bytes`));
    // A client that waits for "100 Continue" is told to go on only now: a request refused
    // before this point (token, size) never has its body sent at all.
    if (req.headers.expect?.toLowerCase() === '100-continue') res.writeContinue();
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (err: Error | null) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve(Buffer.concat(chunks, size));
    };
    req.on('data', (c: Buffer) => {
      if (settled) return;
      size += c.length;
      if (size > limit) {
        chunks.length = 0;
        settle(new BodyTooLarge(`the request body is over ${limit} bytes`));
      } else chunks.push(c);
    });
    req.on('end', () => settle(null));
    req.on('error', (err) => settle(err));
    req.on('close', () => settle(new Error('the request was aborted')));
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
      return refuse(res, { code: 'forbidden', message: `Requests for host "${host}" are refused` });
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
      return refuse(res, { code: 'forbidden', message: `Requests from origin "${origin}" are refused` });
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      return refuse(res, { code: 'invalid_request', message: 'The request target is not a valid address' });
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, { code: 'invalid_request', message: 'API calls are POST requests' });
      if (!tokensEqual(req.headers[TOKEN_HEADER] as string | undefined, token)) {
        return refuse(res, {
          code: 'unauthorized',
          message: 'Missing or wrong token: open the address Sourcebench printed when it started (it carries the token)',
        });
      }
      const method = decodePath(url.pathname.slice(5));
      if (method === null) return refuse(res, { code: 'invalid_request', message: 'The method name has a malformed percent-escape' });
      const raw = isRawBodyMethod(method);
      const limit = bodyLimit(method);
      let body: Buffer;
      try {
        body = await readBody(req, res, limit);
      } catch (err) {
        if (!(err instanceof BodyTooLarge)) return; // The client went away: nobody to answer.
        const declared = Number(req.headers['content-length']);
        const known = Number.isFinite(declared) && declared > limit;
        if (raw) {
          const name = url.searchParams.get('name') || 'The file';
          return sendTooLarge(
            res,
            known ? tooLargeMessage(name, declared) : `${name} is over the ${MAX_FILE_BYTES / 1048576} MB limit for one source; split it into parts`,
          );
        }
        if (isFilesBodyMethod(method)) {
          return sendTooLarge(res, `The files are over the ${MAX_FILE_BYTES / 1048576} MB limit for one request together; send them in several`);
        }
        return sendTooLarge(res, `The request is over the ${(limit / 1048576).toFixed(1)} MB limit for ${method}`);
      }
      let payload: unknown;
      if (raw) payload = rawInput(method, url.searchParams, new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
      else if (isFilesBodyMethod(method)) {
        // The files packed into the body; the other fields (none yet) would ride in the query string.
        try {
          payload = {
            files: unpackFiles(new Uint8Array(body.buffer, body.byteOffset, body.byteLength)),
            ...(url.searchParams.get('groupImages') === '1' ? { groupImages: true } : {}),
          };
        } catch (err) {
          return sendReply(res, {
            ok: false,
            error: { code: 'invalid_request', message: `${method}: the body is not a list of files: ${(err as Error).message}` },
          });
        }
      } else {
        try {
          payload = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch (err) {
          return sendReply(res, {
            ok: false,
            error: { code: 'invalid_request', message: `The request body is not valid JSON: ${(err as Error).message}` },
          });
        }
      }
      const reply = await dispatch(options.service, method, payload);
      if (reply.ok && isRawReplyMethod(method)) {
        // One file's bytes as they are, typed by its own mime type (see RAW_REPLY_METHODS).
        const { bytes, mime } = reply.value as { bytes: Uint8Array; mime: string };
        return send(res, 200, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), mime);
      }
      return sendReply(res, reply);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8', lastAnswer(res));
    }
    // The page and its assets are the public built UI: served without the token. The page
    // itself takes the token from `?token=`, or tells a tab without one how to get in.
    const decoded = decodePath(url.pathname);
    if (decoded === null) return send(res, 400, 'Bad request: malformed percent-escape in the path', 'text/plain; charset=utf-8');
    const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = path.resolve(staticDir, rel);
    if (rel.includes('\0') || !file.startsWith(staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    }
    send(res, 200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream');
  };

  const serve = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handler(req, res).catch((err: Error) => {
      if (!res.headersSent) sendReply(res, { ok: false, error: { code: 'internal', message: err.message } });
    });
  };
  const server = http.createServer(serve);
  // Requests with "Expect: 100-continue" come here instead; readBody sends the 100 when the body is wanted.
  server.on('checkContinue', serve);

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
