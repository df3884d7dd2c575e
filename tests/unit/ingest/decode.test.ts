import { describe, expect, it } from 'vitest';
import { decodeBytes, MAX_FILE_BYTES } from '../../../src/main/ingest/decode';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeBytes('a.txt', enc('Ježov, 1937'))).toEqual({ text: 'Ježov, 1937', encoding: 'utf-8' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Yezhov')]);
    expect(decodeBytes('a.txt', withBom).text).toBe('Yezhov');
  });

  it('reads UTF-16 little- and big-endian with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, ...[...'Iagoda'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const be = new Uint8Array([0xfe, 0xff, ...[...'Iagoda'].flatMap((c) => [0, c.charCodeAt(0)])]);
    expect(decodeBytes('le.txt', le)).toEqual({ text: 'Iagoda', encoding: 'utf-16le' });
    expect(decodeBytes('be.txt', be)).toEqual({ text: 'Iagoda', encoding: 'utf-16be' });
  });

  it('recognises Windows-1252 when the bytes are not UTF-8', () => {
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x94]);
    expect(decodeBytes('old.txt', bytes)).toEqual({ text: 'Café – “q”', encoding: 'windows-1252' });
  });

  it('uses the charset an HTML page declares', () => {
    const koi8 = new Uint8Array([0xe5, 0xd6, 0xcf, 0xd7]); // "Ежов" in KOI8-R
    expect(decodeBytes('p.html', koi8, 'koi8-r').text).toBe('Ежов');
  });

  it.each([
    ['empty', new Uint8Array(0), 'empty_file', /empty\.txt is empty/],
    ['white space only', enc('  \n\t\n'), 'empty_file', /only white space/],
    ['NUL bytes', new Uint8Array([0x41, 0x00, 0x42, 0x43]), 'binary_file', /binary/],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'binary_file', /PNG image/],
    ['a PDF', enc('%PDF-1.7\n...'), 'binary_file', /PDF document/],
    ['control characters', enc('\x01\x02\x03\x04 text \x05\x06\x07'), 'binary_file', /binary/],
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251 || 1), 'binary_file', /binary|neither|not valid/],
    ['UTF-8 broken in the middle', new Uint8Array([...enc('Ежов '), 0xd0, 0x20, ...enc('ok')]), 'bad_encoding', /not valid UTF-8.*offset 9/],
    ['bytes no single-byte encoding explains', new Uint8Array([0x41, 0x81, 0x42]), 'bad_encoding', /neither UTF-8 nor Windows-1252/],
  ])('refuses %s with a clear, named error', (_what, input, code, message) => {
    const name = _what === 'empty' ? 'empty.txt' : 'file.txt';
    let error: unknown;
    try {
      decodeBytes(name, input);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(name);
  });

  it('refuses files over the size limit', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    expect(() => decodeBytes('huge.txt', big)).toThrow(/huge\.txt is 50\.0 MB, over the 50 MB limit/);
  });
});
