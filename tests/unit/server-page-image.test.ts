/**
 * A page image travels over HTTP as its own bytes, typed by its mime type, not as base64
 * inside JSON (about 1 MB a page: encoding and decoding it held the page back by hundreds of
 * milliseconds); a refusal is JSON as for every method.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/main/server';
import { Workbench } from '../../src/main/workbench';
import { tempDir } from './helpers';
import { drawPage } from './ocr/pages';

function post(port: number, token: string, method: string, payload: unknown) {
  return new Promise<{ status: number; type: string; body: Buffer }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', 'X-Sourcebench-Token': token },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(payload));
  });
}

describe('page images over HTTP', () => {
  it('are sent as their bytes with their type; a page that is not there is refused in JSON', async () => {
    const dir = tempDir();
    const png = drawPage([['The committee met in the spring.']], 600, 60).png;
    fs.writeFileSync(path.join(dir, 'letter.png'), png);
    const wb = Workbench.open({ home: tempDir(), dailyBackup: false, ocr: false });
    const server = await startServer({ service: wb, staticDir: dir });
    try {
      const [outcome] = await wb.importAll([path.join(dir, 'letter.png')]);
      const id = outcome!.status === 'imported' ? outcome!.source.id : 0;
      const res = await post(server.port, server.token, 'getPageImage', { id, page: 1 });
      expect(res.status).toBe(200);
      expect(res.type).toBe('image/png');
      expect(Buffer.compare(res.body, Buffer.from(png))).toBe(0);

      const missing = await post(server.port, server.token, 'getPageImage', { id, page: 9 });
      expect(missing.type).toMatch(/^application\/json/);
      expect(JSON.parse(missing.body.toString('utf8'))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/page 9/) } });
    } finally {
      await server.close();
      wb.close();
    }
  });
});
