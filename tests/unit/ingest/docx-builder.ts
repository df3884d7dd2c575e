/**
 * Minimal Word files for tests, written as WordprocessingML into a ZIP with jszip: only the
 * parts Word itself needs to open them (content types, relationships, document, styles,
 * numbering, footnotes, endnotes, core properties).
 */
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A run of text. */
export const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
/** A paragraph of runs (strings are plain runs), with a paragraph style. */
export const para = (content: string | string[], style?: string, extraProps = '') =>
  `<w:p>${style || extraProps ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${extraProps}</w:pPr>` : ''}${[content]
    .flat()
    .map((c) => (c.startsWith('<w:') ? c : run(c)))
    .join('')}</w:p>`;
export const heading = (text: string, level = 1) => para(text, `Heading${level}`);
/** A list item: numId 1 is a bullet list, 2 a numbered one. */
export const item = (text: string | string[], numId = 1, level = 0) =>
  para(text, 'ListParagraph', `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`);
export const footnoteRef = (id: number) => `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
export const endnoteRef = (id: number) => `<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteReference w:id="${id}"/></w:r>`;
export const link = (text: string, rId: string) => `<w:hyperlink r:id="${rId}">${run(text)}</w:hyperlink>`;
/** A table; with `header`, its first row repeats as a header row (Word's "Repeat as header row"). */
export const table = (rows: string[][], header = true) =>
  `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${rows
    .map(
      (cells, i) =>
        `<w:tr>${i === 0 && header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.map((c) => `<w:tc><w:p>${run(c)}</w:p></w:tc>`).join('')}</w:tr>`,
    )
    .join('')}</w:tbl>`;

export interface DocxParts {
  /** The inner XML of <w:body>. */
  body: string;
  /** Footnotes by id (from 1): each a paragraph's text. */
  footnotes?: string[];
  endnotes?: string[];
  /** Core properties; null leaves docProps/core.xml out. */
  core?: { title?: string; creator?: string; created?: string; modified?: string; language?: string; keywords?: string } | null;
  /** Hyperlink targets by relationship id. */
  links?: Record<string, string>;
}

function notesXml(kind: 'footnote' | 'endnote', notes: string[]): string {
  const ref = kind === 'footnote' ? 'FootnoteReference' : 'EndnoteReference';
  const style = kind === 'footnote' ? 'FootnoteText' : 'EndnoteText';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${kind}s xmlns:w="${W}">` +
    `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}>` +
    `<w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>` +
    notes
      .map(
        (text, i) =>
          `<w:${kind} w:id="${i + 1}"><w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:rPr><w:rStyle w:val="${ref}"/></w:rPr><w:${kind}Ref/></w:r>${run(` ${text}`)}</w:p></w:${kind}>`,
      )
      .join('') +
    `</w:${kind}s>`
  );
}

export async function buildDocx(parts: DocxParts): Promise<Uint8Array> {
  const zip = new JSZip();
  const core =
    parts.core === undefined
      ? { title: 'Test document', creator: 'Test Author', created: '2020-02-03T10:00:00Z', modified: '2020-02-05T09:00:00Z' }
      : parts.core;
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
      `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
      `<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
      `<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>` +
      `<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>` +
      (core ? `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` : '') +
      `</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
      (core
        ? `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`
        : '') +
      `</Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rIdNumbering" Type="${REL}/numbering" Target="numbering.xml"/>` +
      `<Relationship Id="rIdFootnotes" Type="${REL}/footnotes" Target="footnotes.xml"/>` +
      `<Relationship Id="rIdEndnotes" Type="${REL}/endnotes" Target="endnotes.xml"/>` +
      Object.entries(parts.links ?? {})
        .map(([id, url]) => `<Relationship Id="${id}" Type="${REL}/hyperlink" Target="${esc(url)}" TargetMode="External"/>`)
        .join('') +
      `</Relationships>`,
  );
  const style = (id: string, name: string, type = 'paragraph') => `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">` +
      style('Normal', 'Normal') +
      [1, 2, 3].map((n) => style(`Heading${n}`, `heading ${n}`)).join('') +
      style('Title', 'Title') +
      style('ListParagraph', 'List Paragraph') +
      style('Quote', 'Quote') +
      style('FootnoteText', 'footnote text') +
      style('EndnoteText', 'endnote text') +
      style('FootnoteReference', 'footnote reference', 'character') +
      style('EndnoteReference', 'endnote reference', 'character') +
      style('TableGrid', 'Table Grid', 'table') +
      `</w:styles>`,
  );
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}">` +
      `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
      `</w:numbering>`,
  );
  zip.file('word/footnotes.xml', notesXml('footnote', parts.footnotes ?? []));
  zip.file('word/endnotes.xml', notesXml('endnote', parts.endnotes ?? []));
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${REL}"><w:body>${parts.body}<w:sectPr/></w:body></w:document>`,
  );
  if (core) {
    const prop = (tag: string, v: string | undefined, attrs = '') => (v === undefined ? '' : `<${tag}${attrs}>${esc(v)}</${tag}>`);
    zip.file(
      'docProps/core.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        prop('dc:title', core.title) +
        prop('dc:creator', core.creator) +
        prop('cp:keywords', core.keywords) +
        prop('dc:language', core.language) +
        prop('dcterms:created', core.created, ' xsi:type="dcterms:W3CDTF"') +
        prop('dcterms:modified', core.modified, ' xsi:type="dcterms:W3CDTF"') +
        `</cp:coreProperties>`,
    );
  }
  return zip.generateAsync({ type: 'uint8array' });
}
