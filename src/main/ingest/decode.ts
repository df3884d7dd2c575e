/**
 * Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1252, or a charset
 * an HTML page declares. Binary files, broken encodings, empty and oversized files are
 * refused with an error that says what is wrong.
 */
import { ApiError } from '../../shared/errors';

import { checkFileSize, MAX_FILE_BYTES } from '../../shared/limits';

export { MAX_FILE_BYTES };

export interface Decoded {
  text: string;
  encoding: string;
}

const MAGIC: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or a Word/EPUB/OpenDocument file)', [0x50, 0x4b, 0x03, 0x04]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an old Word document', [0xd0, 0xcf, 0x11, 0xe0]],
  ['an SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20]],
];

// Windows-1252's 0x80–0x9F, written out because Node's TextDecoder decodes the
// 'windows-1252' label as ISO-8859-1 there (C1 controls instead of – “ ” €).
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    chunk.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

// Bytes Windows-1252 leaves undefined: text with them is in some other encoding.
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b);
}

/** Where UTF-8 decoding fails, and whether the file also holds valid multi-byte sequences. */
function utf8Scan(bytes: Uint8Array): { firstBad: number; validMultibyte: number } {
  let i = 0;
  let firstBad = -1;
  let validMultibyte = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      validMultibyte++;
      i += len;
    } else {
      if (firstBad < 0) firstBad = i;
      i++;
    }
  }
  return { firstBad, validMultibyte };
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

function hex(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

function checkControlCharacters(name: string, text: string): void {
  // Real text has almost no C0 controls besides tab, newline, carriage return and form feed.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) controls++;
  }
  // Random bytes decode to about 12% controls; a real text with a few stray ones (escape
  // codes in e-mail, OCR debris) is still text, and normalise() removes them.
  if (controls > 0 && controls > text.length / 100) {
    throw new ApiError('binary_file', `${name} looks like a binary file, not text (${controls} control characters)`);
  }
}

export function decodeBytes(name: string, bytes: Uint8Array, declaredCharset?: string): Decoded {
  if (bytes.length === 0) throw new ApiError('empty_file', `${name} is empty`);
  checkFileSize(name, bytes.length);
  for (const [what, sig] of MAGIC) {
    if (startsWith(bytes, sig)) throw new ApiError('binary_file', `${name} is ${what}, not a text file`);
  }

  let decoded: Decoded | undefined;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const t = tryDecode('utf-8', bytes);
    if (t === undefined) throw badUtf8(name, bytes);
    decoded = { text: t, encoding: 'utf-8' };
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const t = tryDecode(label, bytes);
    if (t === undefined) throw new ApiError('bad_encoding', `${name} starts as UTF-16 but holds invalid UTF-16 data`);
    decoded = { text: t, encoding: label };
  } else {
    const probe = bytes.subarray(0, 65536);
    if (probe.includes(0)) throw new ApiError('binary_file', `${name} looks like a binary file, not text (it contains NUL bytes)`);
    checkControlCharacters(name, Buffer.from(probe).toString('latin1'));
    const charset = declaredCharset?.trim().toLowerCase();
    const utf8 = tryDecode('utf-8', bytes);
    if (utf8 !== undefined) {
      decoded = { text: utf8, encoding: 'utf-8' };
    } else if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      const single = ['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'us-ascii', 'ascii'].includes(charset);
      const t = single ? decodeWindows1252(bytes) : tryDecode(charset, bytes);
      if (t === undefined) {
        throw new ApiError('bad_encoding', `${name} declares the encoding "${declaredCharset}" but its bytes do not decode as such`);
      }
      decoded = { text: t, encoding: charset };
    } else {
      const scan = utf8Scan(bytes);
      if (scan.validMultibyte > 0) throw badUtf8(name, bytes, scan.firstBad);
      const bad = bytes.findIndex((b) => UNDEFINED_1252.has(b));
      if (bad >= 0) {
        throw new ApiError(
          'bad_encoding',
          `${name} is neither UTF-8 nor Windows-1252 (byte ${hex(bytes[bad]!)} at offset ${bad}); save it as UTF-8 and import it again`,
        );
      }
      decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
    }
  }
  checkControlCharacters(name, decoded.text);
  if (decoded.text.trim() === '') throw new ApiError('empty_file', `${name} is empty (it holds only white space)`);
  return decoded;
}

function badUtf8(name: string, bytes: Uint8Array, at?: number): ApiError {
  const offset = at ?? utf8Scan(bytes).firstBad;
  return new ApiError(
    'bad_encoding',
    `${name} is not valid UTF-8: undecodable byte ${hex(bytes[offset] ?? 0)} at offset ${offset}; the file may be damaged or mix encodings`,
  );
}
