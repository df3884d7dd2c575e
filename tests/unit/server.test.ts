import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/main/server';
import { bodyLimit, JSON_BODY_LIMIT, startServer, tokensEqual } from '../../src/main/server';
import { MAX_FILE_BYTES, MAX_FILES_PER_REQUEST } from '../../src/shared/limits';
import { encodeWire, manifestBytes, MAX_FILES_MANIFEST_BYTES, packFiles, splitForRequests, unpackFiles } from '../../src/shared/wire';
import type { ImportProgress } from '../../src/shared/types';
import { tempDir, tempWorkbench } from './helpers';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const { wb } = tempWorkbench();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Sourcebench</title>');
  fs.writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), 'outside');
  server = await startServer({ service: wb, staticDir });
  return server;
}

/** A raw request, so Host and Origin can be forged as an attacker's page would. */
function request(s: RunningServer, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: s.port, path: opts.path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${s.port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/**
 * Sends a body of `total` bytes in 1 MB chunks (with Content-Length, or chunked), as fast
 * as the server takes them, and stops writing once an answer arrives. Resolves with the
 * answer; an error after the answer (the server closing the connection) is expected.
 */
function upload(s: RunningServer, opts: { path: string; total: number; chunked?: boolean; headers?: Record<string, string>; body?: Buffer }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders; written: number }>((resolve, reject) => {
    let answered = false;
    let written = 0;
    const headers: Record<string, string | number> = { Host: `127.0.0.1:${s.port}`, 'X-Sourcebench-Token': s.token, ...opts.headers };
    if (!opts.chunked) headers['Content-Length'] = opts.total;
    const req = http.request({ host: '127.0.0.1', port: s.port, path: opts.path, method: 'POST', headers }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers, written }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers, written }));
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const pump = () => {
      while (!answered && written < opts.total) {
        const size = Math.min(chunk.length, opts.total - written);
        const part = opts.body ? opts.body.subarray(written, written + size) : chunk.subarray(0, size);
        written += part.length;
        if (!req.write(part)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

const api = (s: RunningServer, method: string, payload: unknown, headers: Record<string, string> = {}) =>
  request(s, {
    path: `/api/${method}`,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Sourcebench-Token': s.token, ...headers },
    body: encodeWire(payload),
  });

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL with its token', async () => {
    const s = await start();
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/?token=${s.token}`);
    expect(s.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers API calls that carry the token', async () => {
    const s = await start();
    const res = await api(s, 'listSources', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses API calls without the right token', async () => {
    const s = await start();
    expect((await api(s, 'listSources', {}, { 'X-Sourcebench-Token': '' })).status).toBe(401);
    // One character off (never the same character: a random token may end in any of them).
    const wrong = `${s.token.slice(0, -1)}${s.token.endsWith('x') ? 'y' : 'x'}`;
    expect((await api(s, 'listSources', {}, { 'X-Sourcebench-Token': wrong })).status).toBe(401);
    const noHeader = await request(s, { path: '/api/listSources', method: 'POST', body: '{}' });
    expect(noHeader.status).toBe(401);
    expect(JSON.parse(noHeader.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const s = await start();
    expect((await api(s, 'listSources', {}, { Host: `evil.example:${s.port}` })).status).toBe(403);
    expect((await api(s, 'listSources', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api(s, 'listSources', {}, { Origin: `http://127.0.0.1:${s.port}` })).status).toBe(200);
  });

  it('serves the public page and its files without the token, and says nothing of the token in them', async () => {
    const s = await start();
    for (const target of ['/', '/index.html', `/?token=${s.token}`]) {
      const page = await request(s, { path: target });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>Sourcebench</title>');
      expect(page.body).not.toContain(s.token);
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    }
    expect((await request(s, { path: '/missing.js' })).status).toBe(404);
  });

  it('never sets a cookie: authentication is the token header, scoped to this server', async () => {
    const s = await start();
    const answers = [
      await request(s, { path: '/' }),
      await request(s, { path: `/?token=${s.token}` }),
      await request(s, { path: '/index.html', headers: { Cookie: `sourcebench_token=${s.token}` } }),
      await request(s, { path: '/nothing-here' }),
      await request(s, { path: '/%E0%A4%A' }),
      await request(s, { path: '/', method: 'POST' }),
      await api(s, 'listSources', {}),
      await api(s, 'listSources', {}, { 'X-Sourcebench-Token': 'wrong' }),
      await api(s, 'getSource', { id: 99 }),
      await api(s, 'listSources', {}, { Origin: 'http://evil.example' }),
      await upload(s, { path: '/api/listSources', total: JSON_BODY_LIMIT + 1 }),
    ];
    for (const a of answers) expect(a.headers['set-cookie']).toBeUndefined();
    // A cookie with the token opens nothing: only the header does.
    const cookieOnly = await request(s, {
      path: '/api/listSources',
      method: 'POST',
      headers: { Cookie: `sourcebench_token=${s.token}` },
      body: '{}',
    });
    expect(cookieOnly.status).toBe(401);
  });

  it('does not serve files outside its folder', async () => {
    const s = await start();
    const res = await request(s, { path: `/..%2Fsecret.txt?token=${s.token}` });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside');
  });

  it('answers malformed bodies and payloads with { code, message }', async () => {
    const s = await start();
    const bad = await request(s, { path: '/api/listSources', method: 'POST', headers: { 'X-Sourcebench-Token': s.token }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const wrong = await api(s, 'getSource', { id: 'x' });
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const missing = await api(s, 'getSource', { id: 99 });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.message).toMatch(/no source with id 99/);
  });

  it('answers 400, not 500, to a malformed percent-escape in an API or a static path', async () => {
    const s = await start();
    const badApi = await request(s, { path: '/api/%E0%A4%A', method: 'POST', headers: { 'X-Sourcebench-Token': s.token }, body: '{}' });
    expect(badApi.status).toBe(400);
    expect(JSON.parse(badApi.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    for (const target of ['/%E0%A4%A', '/assets/%zz.js', '/%']) expect((await request(s, { path: target })).status).toBe(400);
    // The server is still there.
    expect((await api(s, 'listSources', {})).status).toBe(200);
  });

  it('bounds a body by what its method needs: JSON calls a small cap, a note more, file bytes the file limit', () => {
    expect(bodyLimit('listSources')).toBe(JSON_BODY_LIMIT);
    expect(bodyLimit('no such method')).toBe(JSON_BODY_LIMIT);
    expect(bodyLimit('updateAnnotation')).toBeGreaterThan(JSON_BODY_LIMIT);
    expect(bodyLimit('importFile')).toBe(MAX_FILE_BYTES);
    expect(bodyLimit('replaceSourceText')).toBe(MAX_FILE_BYTES);
    // Several files: the file limit together, with room for their names.
    expect(bodyLimit('importFiles')).toBe(MAX_FILE_BYTES + 4 + MAX_FILES_MANIFEST_BYTES);
  });

  it.each([
    ['with Content-Length', false],
    ['chunked', true],
  ])('answers 413 { too_large } over the cap (%s), and closes the connection', async (_label, chunked) => {
    const s = await start();
    const json = await upload(s, { path: '/api/listSources', total: 2 * JSON_BODY_LIMIT, chunked });
    expect(json.status).toBe(413);
    expect(JSON.parse(json.body)).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringContaining('listSources') } });
    expect(json.headers.connection).toBe('close');
    const file = await upload(s, {
      path: '/api/importFile?name=huge.txt',
      total: MAX_FILE_BYTES + 1,
      chunked,
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    expect(file.status).toBe(413);
    expect(JSON.parse(file.body)).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringContaining('huge.txt') } });
    expect(file.headers.connection).toBe('close');
    // Refused as soon as it was over: most of the body was never needed.
    if (!chunked) expect(file.written).toBeLessThan(MAX_FILE_BYTES);
    // A note may be larger than other JSON calls: past the size check, the contract decides.
    const note = await api(s, 'updateAnnotation', { id: 1, body: 'x'.repeat(JSON_BODY_LIMIT + 10) });
    expect(note.status).toBe(400);
    expect(JSON.parse(note.body)).toMatchObject({ error: { code: 'invalid_request' } });
    expect((await api(s, 'listSources', {})).status).toBe(200);
  });

  it('lets a client that is still sending read the 413: the connection is ended, not reset', async () => {
    const s = await start();
    // Half-open, like an HTTP client that keeps sending after the server's end.
    const socket = net.connect({ port: s.port, host: '127.0.0.1', allowHalfOpen: true });
    const errors: string[] = [];
    socket.on('error', (err: NodeJS.ErrnoException) => errors.push(err.code ?? err.message));
    let answer = '';
    socket.on('data', (c) => (answer += c.toString()));
    const ended = new Promise<void>((r) => socket.once('end', () => r()));
    socket.write(
      `POST /api/importFile?name=big.txt HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nX-Sourcebench-Token: ${s.token}\r\nContent-Type: application/octet-stream\r\nContent-Length: ${MAX_FILE_BYTES + 1}\r\n\r\n`,
    );
    await expect.poll(() => answer).toContain('"too_large"');
    await ended;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    // The client goes on sending the body it announced: read and dropped, not answered with a reset.
    const closed = new Promise((r) => socket.once('close', r));
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    for (let i = 0; i < 16 && !socket.destroyed; i++) {
      if (!socket.write(chunk)) await Promise.race([new Promise((r) => socket.once('drain', r)), closed]);
    }
    if (!socket.destroyed) socket.end();
    await closed;
    expect(errors).toEqual([]);
  });

  it('tells a client that waits for "100 Continue" to go on only when its body is wanted', async () => {
    const s = await start();
    const exchange = (head: string, body?: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect({ port: s.port, host: '127.0.0.1', allowHalfOpen: true });
        let answer = '';
        socket.on('error', reject);
        socket.on('data', (c) => {
          answer += c.toString();
          if (body !== undefined && answer.startsWith('HTTP/1.1 100 Continue\r\n\r\n') && !socket.writableEnded) socket.end(body);
          if (/\r\n\r\n\{.*\}$/s.test(answer.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, ''))) socket.destroy();
        });
        socket.on('close', () => resolve(answer));
        socket.write(`${head}Host: 127.0.0.1:${s.port}\r\nX-Sourcebench-Token: ${s.token}\r\nExpect: 100-continue\r\n\r\n`);
      });
    const big = await exchange(`POST /api/importFile?name=big.txt HTTP/1.1\r\nContent-Length: ${MAX_FILE_BYTES + 1}\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 413 /);
    const small = await exchange('POST /api/listSources HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n', '{}');
    expect(small).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
    expect(small).toContain('{"ok":true,"value":[]}');
  });

  it('refuses a huge JSON body without parsing it, and answers other requests meanwhile', async () => {
    const s = await start();
    // A 50 MB JSON array used to be read whole and parsed on the event loop.
    const big = Buffer.from(`[${'0,'.repeat(25 * 1024 * 1024)}0]`);
    const bigCall = upload(s, { path: '/api/listSources', total: big.length, body: big, headers: { 'Content-Type': 'application/json' } });
    // Asked while the big body is still being sent: answered (a parse of the whole would hold it back until the test times out).
    expect((await api(s, 'listSources', {})).status).toBe(200);
    const refused = await bigCall;
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('takes file bytes as a raw body, streamed in, while other calls are answered', async () => {
    const s = await start();
    const text = 'Title: Донесение №7\n\nВ 1937 году было расстреляно 353 074 человека.\n\nA second paragraph, in English.\n';
    const bytes = Buffer.from(text, 'utf8');
    const name = 'донесение 7 & co?.txt';
    const events: string[] = [];
    let answer: { status: number; body: string } | undefined;
    const req = http.request(
      {
        host: '127.0.0.1',
        port: s.port,
        method: 'POST',
        path: `/api/importFile?name=${encodeURIComponent(name)}`,
        headers: { Host: `127.0.0.1:${s.port}`, 'X-Sourcebench-Token': s.token, 'Content-Type': 'application/octet-stream' },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => {
          events.push('upload answered');
          answer = { status: res.statusCode ?? 0, body };
        });
      },
    );
    // Half the file is sent, the rest held back: the server must not wait on it to answer others.
    req.write(bytes.subarray(0, 20));
    req.flushHeaders();
    const other = await api(s, 'listSources', {});
    events.push('other answered');
    expect(other.status).toBe(200);
    expect(answer).toBeUndefined();
    req.end(bytes.subarray(20));
    await new Promise((r) => req.on('close', r));
    await expect.poll(() => answer).toBeDefined();
    expect(events).toEqual(['other answered', 'upload answered']);
    expect(answer!.status).toBe(200);
    const outcome = JSON.parse(answer!.body).value;
    expect(outcome).toMatchObject({ fileName: name, status: 'imported', source: { title: 'Донесение №7' } });

    // The same file again is a duplicate; a corrected text replaces it, the id in the query string.
    const again = await request(s, {
      path: `/api/importFile?name=${encodeURIComponent(name)}`,
      method: 'POST',
      headers: { 'X-Sourcebench-Token': s.token },
      body: text,
    });
    expect(JSON.parse(again.body).value.status).toBe('duplicate');
    const corrected = text.replace('353 074', '353 680');
    const replaced = await request(s, {
      path: `/api/replaceSourceText?id=${outcome.source.id}&name=v2.txt`,
      method: 'POST',
      headers: { 'X-Sourcebench-Token': s.token, 'Content-Type': 'application/octet-stream' },
      body: corrected,
    });
    expect(replaced.status).toBe(200);
    const detail = JSON.parse((await api(s, 'getSource', { id: outcome.source.id })).body).value;
    expect(JSON.stringify(detail)).toContain('353 680');

    // Missing, repeated or unknown fields are refused by the contract; so is a file sent as JSON.
    for (const target of [
      '/api/importFile',
      '/api/importFile?name=a.txt&name=b.txt',
      '/api/importFile?name=a.txt&extra=1',
      '/api/replaceSourceText?id=x&name=a.txt',
    ]) {
      const r = await request(s, { path: target, method: 'POST', headers: { 'X-Sourcebench-Token': s.token }, body: 'Some text.' });
      expect(r.status, target).toBe(400);
    }
    const asJson = await api(s, 'importFile', { name: 'a.txt', bytes: new Uint8Array([104, 105]) });
    expect(asJson.status).toBe(400);
  });

  it('takes several files packed into one body (importFiles) as one import job, followed with importProgress', async () => {
    const s = await start();
    const files = [
      { name: 'drop/донесение №7.txt', bytes: new TextEncoder().encode('Title: Донесение №7\n\nВ 1937 году было расстреляно 353 074 человека.') },
      { name: 'drop/second.md', bytes: new TextEncoder().encode('# Second\n\nA second text, in English.') },
      { name: 'drop/binary.txt', bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 7]) },
    ];
    const body = Buffer.from(packFiles(files));
    const started = await upload(s, { path: '/api/importFiles', total: body.length, body, headers: { 'Content-Type': 'application/octet-stream' } });
    expect(started.status).toBe(200);
    let p = JSON.parse(started.body).value as ImportProgress;
    const results = [...p.results];
    while (p.state === 'running') {
      p = JSON.parse((await api(s, 'importProgress', { job: p.job, after: p.next })).body).value as ImportProgress;
      results.push(...p.results);
    }
    expect(p).toMatchObject({ state: 'done', total: 3, done: 3, imported: 2, failed: 1 });
    expect(results.map((r) => [r.fileName, r.status])).toEqual([
      ['drop/донесение №7.txt', 'imported'],
      ['drop/second.md', 'imported'],
      ['drop/binary.txt', 'failed'],
    ]);
    const titles = (JSON.parse((await api(s, 'listSources', {})).body).value as { title: string }[]).map((t) => t.title).sort();
    expect(titles).toEqual(['Second', 'Донесение №7']);

    // A body that is not a list of files is the client's error; so are files sent as JSON.
    const manifest = (text: string) => {
      const head = Buffer.from(text);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(head.length);
      return Buffer.concat([length, head]);
    };
    for (const bad of [
      Buffer.alloc(0),
      Buffer.from([0xff, 0xff, 0xff, 0xff, 1, 2]),
      manifest('not json'),
      manifest('{"name":"a.txt"}'),
      manifest('[["a.txt", 5]]'),
      Buffer.concat([manifest('[["a.txt", 2]]'), Buffer.from('hi, and more')]),
      manifest('[["a.txt", -1]]'),
      manifest('[]'),
      manifest('[["", 0]]'),
    ]) {
      const r = await upload(s, { path: '/api/importFiles', total: bad.length, body: bad });
      expect(r.status, bad.toString('latin1')).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect((await api(s, 'importFiles', { files: [{ name: 'a.txt', bytes: new Uint8Array([104, 105]) }] })).status).toBe(400);
  });

  it('refuses files packed into one body over the limit together, before reading them (413)', async () => {
    const s = await start();
    expect(bodyLimit('importFiles')).toBeGreaterThan(MAX_FILE_BYTES);
    expect(bodyLimit('importFiles')).toBeLessThan(MAX_FILE_BYTES + 5 * 1024 * 1024);
    const r = await upload(s, { path: '/api/importFiles', total: bodyLimit('importFiles') + 1 });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringContaining('send them in several') } });
    expect(r.written).toBeLessThan(bodyLimit('importFiles'));
  });

  it('packs and unpacks files: names and bytes as they were, in order', () => {
    const files = [
      { name: 'a.txt', bytes: new Uint8Array([1, 2, 3]) },
      { name: 'empty.txt', bytes: new Uint8Array(0) },
      { name: 'папка/b "c".md', bytes: new TextEncoder().encode('текст') },
    ];
    const packed = packFiles(files);
    expect(packed.byteLength).toBe(
      4 + new TextEncoder().encode(JSON.stringify(files.map((f) => [f.name, f.bytes.byteLength]))).byteLength + 3 + 0 + 10,
    );
    expect(unpackFiles(packed)).toEqual(files);
    // Unpacked from inside a larger buffer (as a request body is), too.
    const inside = new Uint8Array(packed.byteLength + 8);
    inside.set(packed, 5);
    expect(unpackFiles(inside.subarray(5, 5 + packed.byteLength))).toEqual(files);
  });

  it('splits files into importFiles requests within the limits, in order, a file too large set apart', () => {
    const MB = 1024 * 1024;
    const sizes = (parts: ({ files: { size: number }[] } | { tooLarge: { size: number } })[]) =>
      parts.map((p) => ('tooLarge' in p ? `!${p.tooLarge.size / MB}` : p.files.map((f) => f.size / MB)));
    const mb = (...list: number[]) => list.map((n, i) => ({ name: `${i}.pdf`, size: n * MB }));
    expect(splitForRequests([])).toEqual([]);
    expect(sizes(splitForRequests(mb(10, 20, 20, 1, 30, 50, 51, 2)))).toEqual([[10, 20, 20], [1, 30], [50], '!51', [2]]);
    // At most MAX_FILES_PER_REQUEST files a request, whatever their size.
    const small = Array.from({ length: 2 * MAX_FILES_PER_REQUEST + 1 }, (_, i) => ({ name: `${i}.txt`, size: 10 }));
    expect(splitForRequests(small).map((p) => ('files' in p ? p.files.length : 0))).toEqual([MAX_FILES_PER_REQUEST, MAX_FILES_PER_REQUEST, 1]);
    // Long names count too (as JSON writes them: a control character takes six bytes): their list stays under the manifest's limit.
    const named = Array.from({ length: 1000 }, (_, i) => ({ name: `${'\u0001'.repeat(1020)}${i}`, size: 1 }));
    const parts = splitForRequests(named);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      const { files } = p as { files: { name: string; size: number }[] };
      expect(files.reduce((n, f) => n + manifestBytes(f.name, f.size), 2)).toBeLessThanOrEqual(MAX_FILES_MANIFEST_BYTES);
    }
  });

  it('compares tokens without regard to length tricks', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abcd', 'abc')).toBe(false);
    expect(tokensEqual(undefined, 'abc')).toBe(false);
  });
});
