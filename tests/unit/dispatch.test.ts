import { describe, expect, it, vi } from 'vitest';
import { contract, methodNames } from '../../src/shared/api';
import type { SourcebenchApi } from '../../src/shared/api';
import { METHOD_NAMES } from '../../src/shared/methods';
import { dispatch } from '../../src/main/dispatch';
import { decodeWire, encodeWire } from '../../src/shared/wire';

/** A service whose every method is a spy: a refused call must reach none of them. */
function spyService(): SourcebenchApi & Record<string, ReturnType<typeof vi.fn>> {
  return Object.fromEntries(methodNames.map((m) => [m, vi.fn(async () => 'called')])) as never;
}

describe('the API boundary', () => {
  it('lists exactly the methods of the contract', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort());
  });

  const huge = 'x'.repeat(5000);
  const cases: [string, unknown][] = [
    ['getSource', { id: 'one' }],
    ['getSource', { id: -4 }],
    ['getSource', { id: 1.5 }],
    ['getSource', {}],
    ['getSource', { id: 1, extra: true }],
    ['getSource', null as unknown],
    ['getSource', 'string payload'],
    ['listSources', { unexpected: 1 }],
    ['updateSource', { id: 1, title: '' }],
    ['updateSource', { id: 1, title: huge }],
    ['updateSource', { id: 1, tags: 'not-a-list' }],
    ['updateSource', { id: 1, tags: [''] }],
    ['importFile', { name: 'a.txt', bytes: 'not bytes' }],
    ['importFile', { name: '', bytes: new Uint8Array(1) }],
    ['importPath', { path: '' }],
    ['openProject', { path: 42 }],
    ['deleteSource', { id: Number.MAX_SAFE_INTEGER + 2 }],
    ['search', { query: 5 }],
    ['search', { query: 'x', limit: 0 }],
    ['search', { query: 'x'.repeat(3000) }],
    ['correctSourceText', { id: 1, start: 5, end: 2, text: 'x', expected: '' }],
    ['correctSourceText', { id: 1, start: 0, end: 3, text: 'x', expected: 'ab' }],
    ['correctSourceText', { id: 1, start: 0, end: 0, text: 5, expected: '' }],
  ];

  it.each(cases)('refuses %s with %j before the service runs', async (method, payload) => {
    const service = spyService();
    const reply = await dispatch(service, method, payload);
    if (payload === null) {
      // null stands for "no payload": getSource still lacks its id.
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(reply.ok).toBe(false);
    expect(reply).toMatchObject({ error: { code: 'invalid_request', message: expect.stringContaining(method) } });
    for (const fn of Object.values(service)) expect(fn).not.toHaveBeenCalled();
  });

  it('refuses unknown and inherited method names', async () => {
    const service = spyService();
    for (const name of ['dropTables', 'constructor', '__proto__', 'toString', 42]) {
      expect(await dispatch(service, name, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    for (const fn of Object.values(service)) expect(fn).not.toHaveBeenCalled();
  });

  it('passes a valid payload through and turns thrown errors into data', async () => {
    const service = spyService();
    expect(await dispatch(service, 'getSource', { id: 3 })).toEqual({ ok: true, value: 'called' });
    expect(service.getSource).toHaveBeenCalledWith({ id: 3 });
    (service.listSources as unknown as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('disk on fire'));
    expect(await dispatch(service, 'listSources', {})).toEqual({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
  });

  it('carries bytes across the JSON wire', () => {
    const payload = { name: 'a.txt', bytes: new Uint8Array([0, 1, 254, 255]) };
    expect(decodeWire(encodeWire(payload))).toEqual(payload);
    expect(() => decodeWire('{"$bytes":"not base64!"}')).toThrow();
  });
});
