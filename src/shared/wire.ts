/**
 * The HTTP transport's wire format. Calls are JSON, except those that carry a file
 * (RAW_BODY_METHODS below), whose bytes are the raw request body. Replies are JSON; a byte
 * array in one travels as `{ "$bytes": base64 }` and is revived on the other side, so the
 * contract can speak of `Uint8Array` whatever the transport.
 */
import type { Input } from './api';
import type { MethodName } from './methods';

function toBase64(bytes: Uint8Array): string {
  let out = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    out += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(out);
}

function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { $bytes: toBase64(v) } : v));
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const b = (v as { $bytes?: unknown }).$bytes;
      if (keys.length === 1 && typeof b === 'string') {
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b)) throw new SyntaxError('invalid base64 in $bytes');
        return fromBase64(b);
      }
    }
    return v;
  });
}

/**
 * Methods whose input carries a file's bytes. Over HTTP these bytes are the raw request
 * body (application/octet-stream, streamed in and capped at the file limit) and the
 * other fields travel in the query string, percent-encoded: a file is never inflated to
 * base64 inside JSON, and the server can refuse an oversized one by its length alone.
 */
export const RAW_BODY_METHODS = {
  importFile: { name: 'text' },
  replaceSourceText: { id: 'integer', name: 'text' },
  readReferences: { name: 'text' },
  importAnnotations: { name: 'text', sourceId: 'integer' },
} as const satisfies Partial<Record<MethodName, Record<string, 'text' | 'integer'>>>;

export type RawBodyMethod = keyof typeof RAW_BODY_METHODS;

// Compile-time check: exactly the methods whose input has `bytes` are listed above.
type BytesMethods = { [M in MethodName]: Input<M> extends { bytes: Uint8Array } ? M : never }[MethodName];
const allRaw: [BytesMethods] extends [RawBodyMethod] ? ([RawBodyMethod] extends [BytesMethods] ? true : never) : never = true;
void allRaw;

export function isRawBodyMethod(method: string): method is RawBodyMethod {
  return Object.prototype.hasOwnProperty.call(RAW_BODY_METHODS, method);
}

/** A raw-body call's fields other than `bytes`, as a query string (without the `?`). */
export function rawQuery(method: RawBodyMethod, input: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const field of Object.keys(RAW_BODY_METHODS[method])) {
    const v = input[field];
    if (v !== undefined && v !== null) params.set(field, String(v));
  }
  return params.toString();
}

/**
 * The input of a raw-body call, from its query string and body. Fields are converted to
 * the types the contract expects where they can be; anything else is passed on as text
 * for the contract to refuse (an unknown or repeated field, a number that is not one).
 */
export function rawInput(method: RawBodyMethod, params: URLSearchParams, bytes: Uint8Array): Record<string, unknown> {
  const fields: Record<string, 'text' | 'integer'> = RAW_BODY_METHODS[method];
  const input: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    if (all.length !== 1) {
      input[key] = all;
      continue;
    }
    const v = all[0]!;
    input[key] = fields[key] === 'integer' && /^\d{1,16}$/.test(v) ? Number(v) : v;
  }
  // The body is the bytes, whatever the query string says.
  input.bytes = bytes;
  return input;
}
