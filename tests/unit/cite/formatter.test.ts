import { afterEach, describe, expect, it } from 'vitest';
import type { CiteInput } from '../../../src/main/cite';
import { builtinStyle, CslStyleError, formatBibliography, formatCitation, loadStyle } from '../../../src/main/cite';
import { CitationFormatter } from '../../../src/main/cite/formatter';
import { tempWorkbench } from '../helpers';

const TERROR: CiteInput = {
  type: 'book',
  title: 'The Great Terror',
  author: [{ family: 'Conquest', given: 'Robert' }],
  publisher: 'Macmillan',
  'publisher-place': 'London',
  issued: '1968',
};

/** Counts the turns of this thread's event loop while `work` runs: none when the work is done here, synchronously. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const spin = (): void => {
    if (!running) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  try {
    return { value: await work(), turns };
  } finally {
    running = false;
  }
}

const formatters: CitationFormatter[] = [];
afterEach(async () => {
  await Promise.all(formatters.splice(0).map((f) => f.close()));
});

function formatter(): CitationFormatter {
  const f = new CitationFormatter();
  formatters.push(f);
  return f;
}

describe('citations formatted in a worker thread', () => {
  it('gives what the formatter gives in this thread, while this thread keeps turning', async () => {
    const f = formatter();
    const style = builtinStyle('chicago-notes-bibliography');
    const { value, turns } = await turnsDuring(() => f.citation(TERROR, { style, mode: 'note' }));
    expect(f.threaded).toBe(true);
    expect(turns).toBeGreaterThan(0);
    expect(value).toEqual(formatCitation(TERROR, { style, mode: 'note' }));
    expect(value.text).toBe('Robert Conquest, The Great Terror (Macmillan, 1968).');
    const bib = await f.bibliography([TERROR], builtinStyle('apa'));
    expect(bib).toEqual(formatBibliography([TERROR], builtinStyle('apa')));
  });

  it('warms a style, and names a style it cannot use', async () => {
    const f = formatter();
    await f.warm(builtinStyle('modern-language-association'));
    expect((await f.citation(TERROR, { style: builtinStyle('modern-language-association'), mode: 'bibliography' })).text).toMatch(
      /^Conquest, Robert\./,
    );
    const broken = loadStyle(
      '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="note"><info><id>x</id><title>Broken</title></info>' +
        '<citation><layout><bogus/></layout></citation></style>',
    );
    const err = await f.citation(TERROR, { style: broken }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CslStyleError);
    expect((err as Error).message).toMatch(/^The style "Broken" could not be used: .*bogus/);
  });

  it('leaves the service thread free while the metadata dialog is cited', async () => {
    const { wb } = tempWorkbench();
    const { value, turns } = await turnsDuring(() =>
      wb.previewCitation({
        csl: { type: 'book', title: 'The Great Terror', author: [{ family: 'Conquest', given: 'Robert' }], publisher: 'Macmillan', issued: '1968' },
      }),
    );
    expect(turns).toBeGreaterThan(0);
    expect(value).toEqual({
      style: 'Chicago Manual of Style 18th edition (notes and bibliography)',
      note: 'Robert Conquest, The Great Terror (Macmillan, 1968).',
      bibliography: 'Conquest, Robert. The Great Terror. Macmillan, 1968.',
    });
  });
});
