/**
 * The HTTP transport's wire format. Calls are JSON, except those that carry a file
 * (RAW_BODY_METHODS below), whose bytes are the raw request body, and those that carry
 * several (FILES_BODY_METHODS), whose files are packed into the body (packFiles). Replies are JSON; a byte
 * array in one travels as `{ "$bytes": base64 }` and is revived on the other side, so the
 * contract can speak of `Uint8Array` whatever the transport.
 */
import type { Input } from './api';
import type { MethodName } from './methods';
import { MAX_FILE_BYTES, MAX_FILES_PER_REQUEST } from './limits';

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
  addOcrLanguage: { name: 'text' },
} as const satisfies Partial<Record<MethodName, Record<string, 'text' | 'integer'>>>;

export type RawBodyMethod = keyof typeof RAW_BODY_METHODS;

// Compile-time check: exactly the methods whose input has `bytes` are listed above.
type BytesMethods = { [M in MethodName]: Input<M> extends { bytes: Uint8Array } ? M : never }[MethodName];
const allRaw: [BytesMethods] extends [RawBodyMethod] ? ([RawBodyMethod] extends [BytesMethods] ? true : never) : never = true;
void allRaw;

/**
 * Methods whose reply is one file's bytes and its type (`{ bytes, mime }`): over HTTP a
 * successful reply is those bytes as they are, with `mime` as its Content-Type, not base64
 * inside JSON. A page image of a photographed source is about 1 MB: as JSON it took the
 * service 200–300 ms to encode on a loaded machine and the window as long again to decode,
 * before the page could be drawn. A refusal is JSON, as for every method.
 */
export const RAW_REPLY_METHODS = { getPageImage: true } as const satisfies Partial<Record<MethodName, true>>;

export function isRawReplyMethod(method: string): method is keyof typeof RAW_REPLY_METHODS {
  return Object.prototype.hasOwnProperty.call(RAW_REPLY_METHODS, method);
}

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

/**
 * Methods whose input is `{ files: [{ name, bytes }] }`. Over HTTP their body is the files
 * packed (packFiles): the bytes as they are, never inflated to base64 inside JSON.
 */
export const FILES_BODY_METHODS = ['importFiles'] as const satisfies readonly MethodName[];

export type FilesBodyMethod = (typeof FILES_BODY_METHODS)[number];

// Compile-time check: exactly the methods whose input is a list of files are listed above.
type FilesMethods = { [M in MethodName]: Input<M> extends { files: { name: string; bytes: Uint8Array }[] } ? M : never }[MethodName];
const allFiles: [FilesMethods] extends [FilesBodyMethod] ? ([FilesBodyMethod] extends [FilesMethods] ? true : never) : never = true;
void allFiles;

export function isFilesBodyMethod(method: string): method is FilesBodyMethod {
  return (FILES_BODY_METHODS as readonly string[]).includes(method);
}

/** The most the list of names and sizes at the head of a packed body may take. */
export const MAX_FILES_MANIFEST_BYTES = 4 * 1024 * 1024;

/** Bytes a file's entry takes in a packed body's manifest (its name and size as JSON, and a comma). */
export function manifestBytes(name: string, size: number): number {
  return new TextEncoder().encode(JSON.stringify([name, size])).byteLength + 1;
}

/**
 * Files packed into one body: the length of the manifest (4 bytes, big-endian), the
 * manifest (UTF-8 JSON, `[[name, size], …]` in order), then each file's bytes, one after
 * another.
 */
export function packFiles(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array<ArrayBuffer> {
  const manifest = new TextEncoder().encode(JSON.stringify(files.map((f) => [f.name, f.bytes.byteLength])));
  const size = 4 + manifest.byteLength + files.reduce((n, f) => n + f.bytes.byteLength, 0);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, manifest.byteLength);
  out.set(manifest, 4);
  let at = 4 + manifest.byteLength;
  for (const f of files) {
    out.set(f.bytes, at);
    at += f.bytes.byteLength;
  }
  return out;
}

/**
 * A packed body's files (views into it, not copies). Throws a SyntaxError naming the
 * problem when the body is not one: a manifest that does not fit, is not a list of names
 * and sizes, or sizes that do not add up to the bytes that follow.
 */
export function unpackFiles(body: Uint8Array): { name: string; bytes: Uint8Array }[] {
  if (body.byteLength < 4) throw new SyntaxError('the body is too short to hold a list of files');
  const length = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(0);
  if (length > MAX_FILES_MANIFEST_BYTES || 4 + length > body.byteLength) throw new SyntaxError('the list of files does not fit in the body');
  let manifest: unknown;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(4, 4 + length)));
  } catch {
    throw new SyntaxError('the list of files is not JSON');
  }
  if (!Array.isArray(manifest) || manifest.length > MAX_FILES_PER_REQUEST)
    throw new SyntaxError(`the list of files is not a list of at most ${MAX_FILES_PER_REQUEST}`);
  const files: { name: string; bytes: Uint8Array }[] = [];
  let at = 4 + length;
  for (const entry of manifest as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || !Number.isSafeInteger(entry[1]) || (entry[1] as number) < 0) {
      throw new SyntaxError('each file in the list is [name, size]');
    }
    const size = entry[1] as number;
    if (at + size > body.byteLength) throw new SyntaxError('the files are shorter than their sizes say');
    files.push({ name: entry[0], bytes: body.subarray(at, at + size) });
    at += size;
  }
  if (at !== body.byteLength) throw new SyntaxError('the body holds more bytes than the files');
  return files;
}

/**
 * Files split into importFiles requests, in order: each request within MAX_FILES_PER_REQUEST
 * files, MAX_FILE_BYTES together and MAX_FILES_MANIFEST_BYTES of names; a file over the
 * limit for one source is set apart as `tooLarge` (in its place in the order), never sent.
 */
export function splitForRequests<F extends { name: string; size: number }>(files: readonly F[]): ({ files: F[] } | { tooLarge: F })[] {
  const out: ({ files: F[] } | { tooLarge: F })[] = [];
  let current: F[] = [];
  let bytes = 0;
  let names = 2;
  const close = () => {
    if (current.length) out.push({ files: current });
    current = [];
    bytes = 0;
    names = 2;
  };
  for (const f of files) {
    if (f.size > MAX_FILE_BYTES) {
      close();
      out.push({ tooLarge: f });
      continue;
    }
    const entry = manifestBytes(f.name, f.size);
    if (current.length >= MAX_FILES_PER_REQUEST || bytes + f.size > MAX_FILE_BYTES || names + entry > MAX_FILES_MANIFEST_BYTES) close();
    current.push(f);
    bytes += f.size;
    names += entry;
  }
  close();
  return out;
}
