import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/main/server';
import { startServer, tokensEqual } from '../../src/main/server';
import { encodeWire } from '../../src/shared/wire';
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

const api = (s: RunningServer, method: string, payload: unknown, headers: Record<string, string> = {}) =>
  request(s, { path: `/api/${method}`, method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Sourcebench-Token': s.token, ...headers }, body: encodeWire(payload) });

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

  it('serves the page with the token once, then by cookie, with a strict CSP', async () => {
    const s = await start();
    expect((await request(s, { path: '/' })).status).toBe(401);
    const page = await request(s, { path: `/?token=${s.token}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    expect(page.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await request(s, { path: '/index.html', headers: { Cookie: cookie } })).status).toBe(200);
    expect((await request(s, { path: '/index.html', headers: { Cookie: 'sourcebench_token=wrong' } })).status).toBe(401);
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

  it('compares tokens without regard to length tricks', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abcd', 'abc')).toBe(false);
    expect(tokensEqual(undefined, 'abc')).toBe(false);
  });
});
