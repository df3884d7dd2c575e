/**
 * Text recognition languages. English ships with the app (`@tesseract.js-data/eng`); others
 * are Tesseract `.traineddata` files the historian adds (from tesseract-ocr/tessdata_best, or a
 * Linux package such as Debian's tesseract-ocr-rus). They are kept in the app's home, not in a
 * project: a model is a tool, not research material; one file serves every project; and a
 * project (and each of its backups) stays the size of its sources. A project names the
 * languages a source was read in (its `eng+rus`), so opened elsewhere it asks for the same files.
 *
 * The models are handed to tesseract.js as data (`{ code, data }`), so nothing is looked up
 * by path or URL and nothing is downloaded or cached (cacheMethod 'none').
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ApiError } from '../../shared/errors';
import { defaultLangPath } from './recognise';

import type { OcrLanguage } from '../../shared/types';

/** The folder of added languages, inside the app's home. */
export const LANGUAGES_FOLDER = 'ocr-languages';

/** Tesseract's code for a language model: `rus`, `deu`, `chi_sim`, `deu_latf`, `script/Latin` is not one. */
const CODE = /^[a-z]{3}(?:_[a-z0-9]+)*$/i;
/** Where the LSTM model is in a traineddata file's table (TessdataType TESSDATA_LSTM). */
const LSTM_ENTRY = 17;

/**
 * The language code of a `.traineddata` file, after checking that it is one: Tesseract's
 * archive (a count of entries, then one 64-bit offset each: -1 or inside the file, in
 * order) with an LSTM model, which this recogniser runs. Gzipped files are read too.
 */
export function checkTraineddata(name: string, bytes: Uint8Array): { code: string; data: Uint8Array } {
  const base = name.replace(/^.*[\\/]/, '');
  const m = /^(.+)\.traineddata(\.gz)?$/i.exec(base);
  if (!m)
    throw new ApiError('invalid_request', `${base} is not a Tesseract language file: its name should be <language>.traineddata (rus.traineddata)`);
  const code = m[1]!;
  if (!CODE.test(code)) throw new ApiError('invalid_request', `${base}: "${code}" is not a Tesseract language code (rus, deu, chi_sim)`);
  let data = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      data = new Uint8Array(gunzipSync(bytes));
    } catch {
      throw new ApiError('read_failed', `${base} is not a Tesseract language file: it is gzipped, but damaged`);
    }
  }
  const bad = (why: string) => new ApiError('read_failed', `${base} is not a Tesseract language file (.traineddata): ${why}`);
  if (data.length < 12) throw bad('it is too short');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const entries = view.getInt32(0, true);
  const table = 4 + 8 * entries;
  if (entries < 1 || entries > 64 || table > data.length) throw bad('its table of contents is missing or damaged');
  let last = -1;
  const offsets: number[] = [];
  for (let i = 0; i < entries; i++) {
    const at = Number(view.getBigInt64(4 + 8 * i, true));
    offsets.push(at);
    if (at === -1) continue;
    if (at < table || at >= data.length || at <= last) throw bad('its table of contents points outside the file');
    last = at;
  }
  if ((offsets[LSTM_ENTRY] ?? -1) === -1) throw bad('it has no LSTM model (Tesseract 3 data), which this recogniser needs');
  return { code, data };
}

export class OcrLanguages {
  constructor(private readonly home: string) {}

  /** The folder the added languages are kept in. */
  get folder(): string {
    return path.join(this.home, LANGUAGES_FOLDER);
  }

  private file(code: string): string {
    return path.join(this.folder, `${code}.traineddata`);
  }

  list(): OcrLanguage[] {
    const eng = path.join(defaultLangPath(), 'eng.traineddata.gz');
    const out: OcrLanguage[] = [{ code: 'eng', builtIn: true, bytes: fs.statSync(eng).size }];
    let names: string[] = [];
    try {
      names = fs.readdirSync(this.folder);
    } catch {
      // No language added yet.
    }
    for (const n of names.sort()) {
      const m = /^(.+)\.traineddata$/.exec(n);
      if (m && m[1] !== 'eng') out.push({ code: m[1]!, builtIn: false, bytes: fs.statSync(path.join(this.folder, n)).size });
    }
    return out;
  }

  /** Checks and keeps a language file (written whole, then renamed: a failed copy leaves nothing). */
  add(name: string, bytes: Uint8Array): OcrLanguage {
    const { code, data } = checkTraineddata(name, bytes);
    if (code === 'eng') throw new ApiError('invalid_request', `${name.replace(/^.*[\\/]/, '')}: English is built in and cannot be replaced`);
    fs.mkdirSync(this.folder, { recursive: true });
    const temp = `${this.file(code)}.${process.pid}.partial`;
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, this.file(code));
    return { code, builtIn: false, bytes: data.length };
  }

  /** `eng+rus` as codes, each checked to be available. */
  parse(lang: string): string[] {
    const codes = lang.split('+').map((c) => c.trim());
    const have = new Set(this.list().map((l) => l.code));
    const missing = codes.filter((c) => !have.has(c));
    if (!codes.length || codes.some((c) => !CODE.test(c)))
      throw new ApiError('invalid_request', `"${lang}" is not a language choice: codes joined by +, as eng+rus`);
    if (missing.length) {
      throw new ApiError(
        'invalid_request',
        `Text recognition in ${missing.join(', ')} needs its language file: add ${missing.map((c) => `${c}.traineddata`).join(', ')} first (${this.folder})`,
      );
    }
    return codes;
  }

  /**
   * Where the recogniser reads `eng+rus` from. English alone: the installed package. With
   * an added language: this folder, where the built-in English model is copied the first
   * time (as `eng.traineddata`, still gzipped: tesseract.js unzips what it finds gzipped),
   * since tesseract.js reads all of a worker's languages from one folder. Handing it the
   * models as data (`{ code, data }`) was tried first: tesseract.js 7 takes the data for a
   * file name when it initialises.
   */
  locate(lang: string): { lang: string; langPath: string; gzip: boolean } {
    const codes = this.parse(lang);
    if (codes.every((c) => c === 'eng')) return { lang: codes.join('+'), langPath: defaultLangPath(), gzip: true };
    if (codes.includes('eng')) {
      const from = path.join(defaultLangPath(), 'eng.traineddata.gz');
      const to = this.file('eng');
      if (!fs.existsSync(to) || fs.statSync(to).size !== fs.statSync(from).size) fs.copyFileSync(from, to);
    }
    return { lang: codes.join('+'), langPath: this.folder, gzip: false };
  }
}
