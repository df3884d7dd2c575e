import { describe, expect, it } from 'vitest';
import { formatBibliography, formatCitation } from '../../../src/main/cite';
import { archival, book, chapter, webPage } from './items';

const page214 = { label: 'page', value: '214' } as const;

// Chicago Manual of Style, 17th edition (14.106–14.107 chapters, 14.206–14.207 web pages with an
// access date where there is no date of publication, 14.232–14.235 manuscript collections).
describe('Chicago 17th edition, notes and bibliography', () => {
  const style = 'chicago-notes-bibliography-17th-edition';

  it('cites a page of a book chapter as a full note', () => {
    const note = formatCitation(chapter, { style, locator: page214, mode: 'note' });
    expect(note.text).toBe(
      'Hiroaki Kuromiya, “Accounting for the Great Terror,” in Stalin’s Terror Revisited, ed. Melanie Ilič (Basingstoke: Palgrave Macmillan, 2006), 214.',
    );
    expect(note.markdown).toBe(
      'Hiroaki Kuromiya, “Accounting for the Great Terror,” in *Stalin’s Terror Revisited*, ed. Melanie Ilič (Basingstoke: Palgrave Macmillan, 2006), 214.',
    );
  });

  it('gives the chapter’s page range in its bibliography entry', () => {
    expect(formatCitation(chapter, { style, mode: 'bibliography' }).text).toBe(
      'Kuromiya, Hiroaki. “Accounting for the Great Terror.” In Stalin’s Terror Revisited, edited by Melanie Ilič, 200–230. Basingstoke: Palgrave Macmillan, 2006.',
    );
  });

  it('cites an undated web page with its access date and URL', () => {
    expect(formatCitation(webPage, { style, mode: 'note' }).text).toBe(
      '“Stalin’s Lists,” Memorial, accessed March 5, 2024, https://stalin.memo.ru/.',
    );
  });

  it('cites an archival document with its collection, box and folder, then the repository', () => {
    const note = formatCitation(archival, { style, mode: 'note' });
    expect(note.text).toBe(
      '“Memorandum on the Famine in Kazakhstan,” March 3, 1933, Boris I. Nicolaevsky Collection, box 231, folder 5, Hoover Institution Library & Archives, Stanford, CA.',
    );
    expect(note.markdown).toContain('Hoover Institution Library \\& Archives');
  });
});

describe('Chicago 18th edition (the default), notes and bibliography', () => {
  it('cites a book chapter without the place of publication', () => {
    expect(formatCitation(chapter, { locator: page214 }).text).toBe(
      'Hiroaki Kuromiya, “Accounting for the Great Terror,” in Stalin’s Terror Revisited, ed. Melanie Ilič (Palgrave Macmillan, 2006), 214.',
    );
  });

  it('cites a web page and an archival document as the 17th edition does', () => {
    expect(formatCitation(webPage).text).toBe('“Stalin’s Lists,” Memorial, accessed March 5, 2024, https://stalin.memo.ru/.');
    expect(formatCitation(archival).text).toBe(
      '“Memorandum on the Famine in Kazakhstan,” March 3, 1933, Boris I. Nicolaevsky Collection, box 231, folder 5, Hoover Institution Library & Archives, Stanford, CA.',
    );
  });

  it('gives a shortened note for an item cited before', () => {
    const short = formatCitation({ ...book, 'title-short': 'The Great Terror' }, { locator: page214, position: 'subsequent' });
    expect(short.text).toBe('Conquest, The Great Terror, 214.');
    expect(short.markdown).toBe('Conquest, *The Great Terror*, 214.');
  });

  it('cites a paragraph', () => {
    expect(formatCitation(book, { locator: { label: 'paragraph', value: '12' } }).text).toBe(
      'Robert Conquest, The Great Terror: A Reassessment (Oxford University Press, 1990), para. 12.',
    );
  });

  it('sorts a bibliography and gives each entry its item', () => {
    const bib = formatBibliography([webPage, book, chapter, archival]);
    expect(bib.entries.map((e) => e.index)).toEqual([1, 2, 3, 0]);
    expect(bib.text.split('\n')).toEqual([
      'Conquest, Robert. The Great Terror: A Reassessment. Oxford University Press, 1990.',
      'Kuromiya, Hiroaki. “Accounting for the Great Terror.” In Stalin’s Terror Revisited, edited by Melanie Ilič. Palgrave Macmillan, 2006.',
      '“Memorandum on the Famine in Kazakhstan.” March 3, 1933. Boris I. Nicolaevsky Collection, box 231, folder 5. Hoover Institution Library & Archives, Stanford, CA.',
      'Memorial. “Stalin’s Lists.” Accessed March 5, 2024. https://stalin.memo.ru/.',
    ]);
    expect(bib.markdown.split('\n\n')).toHaveLength(4);
    expect(bib.markdown).toContain('*The Great Terror: A Reassessment*');
  });

  it('leaves out what an item lacks instead of writing "n.d."', () => {
    const undated = { type: 'book', title: 'Sketches of the Kolyma', author: [{ family: 'Shalamov', given: 'Varlam' }] };
    expect(formatCitation(undated).text).toBe('Varlam Shalamov, Sketches of the Kolyma.');
    expect(formatCitation(undated, { mode: 'bibliography' }).text).toBe('Shalamov, Varlam. Sketches of the Kolyma.');
    expect(formatCitation(undated, { missingDate: 'style' }).text).toBe('Varlam Shalamov, Sketches of the Kolyma (n.d.).');
    const bare = formatCitation({ type: 'document' });
    expect(bare.text).not.toMatch(/unknown|anonymous|n\.d\.|error/i);
  });

  it('shows approximate dates and ranges from EDTF', () => {
    const letter = { type: 'document', title: 'Letter', author: [{ family: 'Bukharin', given: 'Nikolai' }] };
    expect(formatCitation({ ...letter, issued: '1937~' }).text).toBe('Nikolai Bukharin, “Letter” [1937?].');
    expect(formatCitation({ ...letter, issued: '1936/1938' }).text).toBe('Nikolai Bukharin, “Letter,” 1936–1938.');
  });
});

describe('Markdown', () => {
  it('escapes the text so that it shows as written, and keeps italics as *…*', () => {
    const tricky = {
      type: 'book',
      title: 'Notes on *stars*, [links] & `code` by @someone',
      author: [{ family: 'Doe', given: 'J.' }],
      issued: '1937',
    };
    const md = formatCitation(tricky).markdown;
    // Title case leaves the words after "*" and "`" alone.
    expect(md).toBe('J. Doe, *Notes on \\*stars\\*, \\[Links\\] \\& \\`code\\` by \\@someone* (1937).');
  });

  it('takes the exporter’s escape function', () => {
    const md = formatCitation(book, { escape: (t) => t.replace(/[.]/g, '\\.') }).markdown;
    expect(md).toBe('Robert Conquest, *The Great Terror: A Reassessment* (Oxford University Press, 1990)\\.');
  });
});
