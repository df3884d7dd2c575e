/**
 * The API boundary under malformed payloads: every method, wrong types, missing and extra
 * fields, huge strings, negative and out-of-range numbers. A refused call returns
 * `{ code, message }` and never reaches the service (so never the database).
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import type { SourcebenchApi } from '../../../src/shared/api';
import { contract, methodNames } from '../../../src/shared/api';
import { tempWorkbench } from '../helpers';

function spyService() {
  return Object.fromEntries(methodNames.map((m) => [m, vi.fn(async () => 'called')])) as unknown as SourcebenchApi &
    Record<string, ReturnType<typeof vi.fn>>;
}

const hostile = fc.oneof(
  fc.anything(),
  fc.constantFrom(-1, -0.5, 0, 1.5, Number.MAX_SAFE_INTEGER + 1, Infinity, NaN, 1e15),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.constantFrom(null, undefined, [], {}, '', 'x', true),
);
const payload = fc.oneof(
  hostile,
  fc.dictionary(
    fc.constantFrom(
      'id',
      'path',
      'query',
      'sourceId',
      'start',
      'end',
      'name',
      'bytes',
      'tags',
      'title',
      'body',
      'colour',
      'low',
      'high',
      'format',
      'a',
      'b',
      'from',
      'to',
      'events',
      'into',
      'extra',
      '__proto__',
      'constructor',
    ),
    hostile,
    { maxKeys: 6 },
  ),
);

describe('the API boundary under fuzzed payloads', () => {
  it.each(methodNames)('%s: a refused payload is an error with code and message, and calls nothing', async (method) => {
    // One spy service per method, cleared before each payload: vitest keeps every mock it has
    // made until the file ends, and a fresh service per payload (a mock per method, 200 payloads,
    // for each of the contract's methods) grew the worker past its heap.
    const service = spyService();
    await fc.assert(
      fc.asyncProperty(payload, async (input) => {
        vi.clearAllMocks();
        const reply = await dispatch(service, method, input);
        const valid = contract[method].input.safeParse(input ?? {}).success;
        if (valid) {
          expect(reply).toEqual({ ok: true, value: 'called' });
        } else {
          expect(reply.ok).toBe(false);
          if (!reply.ok) {
            expect(typeof reply.error.code).toBe('string');
            expect(typeof reply.error.message).toBe('string');
            expect(reply.error.message.length).toBeLessThan(1000);
          }
          for (const fn of Object.values(service)) expect(fn).not.toHaveBeenCalled();
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('ids that do not exist get not_found from the real service', async () => {
    const { wb } = tempWorkbench();
    for (const [method, input] of [
      ['getSource', { id: 999 }],
      ['updateSource', { id: 999, title: 'x' }],
      ['deleteSource', { id: 999 }],
      ['listAnnotations', { sourceId: 999 }],
      ['updateAnnotation', { id: 999, colour: 'blue' }],
      ['deleteAnnotation', { id: 999 }],
      ['createAnnotation', { sourceId: 999, start: 0, end: 4, colour: 'blue' }],
      ['updateClaim', { id: 999, status: 'confirmed' }],
      ['getEvidence', { questionId: 999 }],
      ['renameEvent', { from: 'No such event', to: 'x' }],
      ['mergeEvents', { events: ['No such event'], into: 'x' }],
      ['compareSources', { a: 998, b: 999 }],
    ] as const) {
      const reply = await dispatch(wb, method, input);
      expect(reply, method).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });
});
