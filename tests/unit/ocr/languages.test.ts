import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkTraineddata, OcrLanguages } from '../../../src/main/ocr/languages';
import { defaultLangPath } from '../../../src/main/ocr/recognise';
import { Workbench } from '../../../src/main/workbench';
import { tempDir } from '../helpers';
import { drawPage } from './pages';
import { traineddata } from './traineddata';

const english = () => new Uint8Array(gunzipSync(fs.readFileSync(path.join(defaultLangPath(), 'eng.traineddata.gz'))));

describe('recognition languages', () => {
  it('takes a traineddata file with an LSTM model, gzipped or not, by its language code', () => {
    expect(checkTraineddata('rus.traineddata', traineddata([17, 21])).code).toBe('rus');
    expect(checkTraineddata('/downloads/chi_sim.traineddata', english()).code).toBe('chi_sim');
    expect(checkTraineddata('deu.traineddata.gz', fs.readFileSync(path.join(defaultLangPath(), 'eng.traineddata.gz'))).data.length).toBe(
      english().length,
    );
  });

  it('refuses what is not a traineddata file, naming it and the problem', () => {
    const text = new TextEncoder().encode('This is a letter, not a language model at all.');
    expect(() => checkTraineddata('rus.traineddata', text)).toThrow(
      /^rus\.traineddata is not a Tesseract language file \(\.traineddata\): its table of contents is missing or damaged$/,
    );
    expect(() => checkTraineddata('notes.txt', traineddata([17]))).toThrow(
      /notes\.txt is not a Tesseract language file: its name should be <language>\.traineddata/,
    );
    expect(() => checkTraineddata('old.traineddata', traineddata([1, 3]))).toThrow(/old\.traineddata .*no LSTM model \(Tesseract 3 data\)/);
    const cut = traineddata([17]).subarray(0, 196);
    expect(() => checkTraineddata('cut.traineddata', cut)).toThrow(/cut\.traineddata .*points outside the file/);
    expect(() => checkTraineddata('xyz.traineddata.gz', new Uint8Array([0x1f, 0x8b, 1, 2, 3]))).toThrow(
      /xyz\.traineddata\.gz .*gzipped, but damaged/,
    );
  });

  it('keeps added languages in the home, never in the project, and says which file a choice lacks', () => {
    const home = tempDir();
    const languages = new OcrLanguages(home);
    expect(languages.list().map((l) => [l.code, l.builtIn])).toEqual([['eng', true]]);
    expect(() => languages.add('rus.traineddata', new Uint8Array(10))).toThrow(/rus\.traineddata is not a Tesseract language file/);
    expect(fs.existsSync(languages.folder) ? fs.readdirSync(languages.folder) : []).toEqual([]);
    languages.add('rus.traineddata', traineddata([17]));
    expect(fs.readdirSync(path.join(home, 'ocr-languages'))).toEqual(['rus.traineddata']);
    expect(languages.list().map((l) => l.code)).toEqual(['eng', 'rus']);
    expect(languages.parse('eng+rus')).toEqual(['eng', 'rus']);
    expect(() => languages.parse('eng+deu')).toThrow(/Text recognition in deu needs its language file: add deu\.traineddata first/);
    expect(() => languages.add('eng.traineddata', traineddata([17]))).toThrow(/English is built in/);
  });

  it('reads a source in the languages chosen for it, an added one loaded from the home, offline', { timeout: 240_000 }, async () => {
    const home = tempDir();
    const file = path.join(tempDir(), 'letter.png');
    fs.writeFileSync(file, drawPage([['The archive holds letters from the', 'district committee, dated 1936.']]).png);
    const wb = Workbench.open({ home, dailyBackup: false, ocr: false });
    try {
      const [outcome] = await wb.importAll([file]);
      const id = outcome?.status === 'imported' ? outcome.source.id : 0;
      await expect(wb.startOcr({ id, lang: 'eng+xyz' })).rejects.toThrow(/add xyz\.traineddata first/);
      // An added language: the English model under another code stands for any model file.
      expect(await wb.addOcrLanguage({ name: 'xyz.traineddata', bytes: english() })).toMatchObject({ code: 'xyz', builtIn: false });
      expect((await wb.listOcrLanguages()).languages.map((l) => l.code)).toEqual(['eng', 'xyz']);
      await wb.startOcr({ id, lang: 'eng+xyz' });
      await wb.ocrIdle();
      const source = await wb.getSource({ id });
      expect(source.image?.ocr).toMatchObject({ state: 'done', lang: 'eng+xyz' });
      expect(source.passageList[0]?.text).toContain('archive');
    } finally {
      await wb.shutdown();
    }
  });
});
