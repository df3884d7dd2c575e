#!/usr/bin/env node
/**
 * Writes the PDFs under tests/fixtures/pdf/ (committed, so tests need neither Chromium nor
 * qpdf): `node scripts/make-pdf-fixtures.mjs`.
 *
 * - article.pdf: a journal article printed by Chromium from HTML written here: two front
 *   matter pages, three two-column pages with running heads, running feet and page numbers
 *   printed inside each page, footnotes in small type, words hyphenated at line ends (soft
 *   hyphens), a compound broken after its hyphen. Chromium cannot write page labels or an
 *   author, so an incremental update adds /PageLabels (i, ii, then 214…) and the Info
 *   dictionary (title, author, creation date).
 * - report.pdf: a three-page single-column report by Chromium, no page labels, "Page N of 3"
 *   in its footer.
 * - labels.pdf, scan.pdf, mixed.pdf: written by hand (scripts/minipdf.mjs): page labels
 *   and XMP metadata; pages with no text, only drawn shapes; a text page, a page without
 *   text and a text page.
 * - encrypted.pdf: labels.pdf encrypted with a user password by qpdf when it is installed,
 *   else a hand-written PDF with an /Encrypt dictionary that no password opens.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePdf, textLines } from './minipdf.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'tests', 'fixtures', 'pdf');
fs.mkdirSync(out, { recursive: true });

/** Soft hyphens in the long words, so that Chromium hyphenates them at line ends. */
const HYPHENATED = {
  historians: 'his&shy;to&shy;ri&shy;ans',
  historiography: 'his&shy;to&shy;ri&shy;og&shy;ra&shy;phy',
  documentation: 'doc&shy;u&shy;men&shy;ta&shy;tion',
  administrative: 'ad&shy;min&shy;is&shy;tra&shy;tive',
  interpretation: 'in&shy;ter&shy;pre&shy;ta&shy;tion',
  bureaucratic: 'bu&shy;reau&shy;crat&shy;ic',
  correspondence: 'cor&shy;re&shy;spon&shy;dence',
  commissariat: 'com&shy;mis&shy;sar&shy;i&shy;at',
  collectivisation: 'col&shy;lec&shy;tiv&shy;i&shy;sa&shy;tion',
  statistical: 'sta&shy;tis&shy;ti&shy;cal',
  demographers: 'de&shy;mog&shy;ra&shy;phers',
  reconstruction: 're&shy;con&shy;struc&shy;tion',
  provincial: 'pro&shy;vin&shy;cial',
  particularly: 'par&shy;tic&shy;u&shy;lar&shy;ly',
  contemporary: 'con&shy;tem&shy;po&shy;rary',
  establishment: 'es&shy;tab&shy;lish&shy;ment',
};
const shy = (html) => html.replace(/\b[a-z]{10,}\b/g, (w) => HYPHENATED[w] ?? w);

const PARAS = {
  intro: [
    'For most of the twentieth century historians of the Soviet Union wrote without the archives of the state they studied. They read the published press, the stenographic reports of party congresses, the memoirs of émigrés and defectors, and the statistical handbooks that the regime chose to release. The opening of the archives after 1991 changed the questions that could be asked, but it did not settle the old ones.<sup>1</sup>',
    'This article asks what the archival documentation of the security police can and cannot tell us about the scale of repression in the late 1930s. It argues that the figures now available are firmer than the estimates that preceded them, and that their interpretation still depends on the administrative categories in which they were recorded.<sup>2</sup>',
    'The argument proceeds in three steps. The first section describes the records themselves; the second compares them with the demographic evidence; the third turns to the provincial correspondence that shows how the numbers were produced.',
  ],
  archive: [
    'The central statistical series were compiled by the first special department of the commissariat. They count arrests, sentences and executions by year and by article of the criminal code, and they were prepared for internal use rather than for publication. Their bureaucratic purpose is their strength: they were meant to be accurate for those who read them.',
    'Critics have objected that a police agency had every reason to misreport its own work. The objection is weaker than it seems. Provincial offices reported upward under quotas, and the central summaries were checked against the local returns by inspectors whose own careers depended on the reconciliation.<sup>3</sup>',
    'Demographers have tested the series against the census of 1939 and the reconstruction of mortality from registered deaths. The two approaches agree within a margin that is small compared with the estimates of the Cold War era, which ranged over an order of magnitude.',
    'None of this makes the records transparent. The categories of the Soviet-<br>era police were administrative, not analytical, and a sentence recorded as exile could mean a journey that few survived.<sup>4</sup>',
  ],
  provinces: [
    'The provincial correspondence is particularly revealing. Requests to raise the limits for the first category arrived in Moscow within weeks of the operational order, and most were granted. The establishment of the limits was thus a negotiation rather than a decree, and the final figures reflect the zeal of local officials as much as the intentions of the centre.',
    'Contemporary observers outside the Soviet Union could see little of this. Their estimates relied on rumour, on the testimony of those who had left, and on inference from the silence of official sources. That they were often wrong is less surprising than that some of them came close.<sup>5</sup>',
    'The historiography that followed the opening of the archives has been more cautious than its predecessors, and rightly so. The records answer some questions with a precision that was unthinkable before, and leave others, about intention and experience, where they were.',
  ],
};

const NOTES = {
  214: [
    ['1', 'On the use of published sources before 1991 see R. Conquest, The Great Terror (London, 1968), pp. 485–92.'],
    ['2', 'The figures cited here are those of the central summaries; provincial returns are discussed in section 3.'],
  ],
  215: [
    ['3', 'Inspection reports survive for eleven provinces; they are summarised in the appendix.'],
    ['4', 'Exile (ssylka) and deportation were recorded under separate articles after 1937.'],
  ],
  216: [['5', 'The closest pre-archival estimate is discussed in the conclusion to this volume.']],
};

const CSS = `
  @page { size: 8.5in 11in; margin: 0; }
  * { box-sizing: border-box; }
  html, body { margin: 0; padding: 0; }
  body { font-family: 'DejaVu Serif', serif; font-size: 10pt; line-height: 1.38; color: #000; }
  .page { position: relative; width: 8.5in; height: 11in; overflow: hidden; break-after: page; padding: 0.95in 0.8in 1.3in; }
  .page:last-child { break-after: auto; }
  .head { position: absolute; top: 0.45in; left: 0.8in; right: 0.8in; font-size: 8.5pt; display: flex; justify-content: space-between; letter-spacing: 0.02em; }
  .foot { position: absolute; bottom: 0.45in; left: 0.8in; right: 0.8in; font-size: 8pt; text-align: center; }
  .cols { column-count: 2; column-gap: 0.3in; column-fill: auto; height: 6.8in; text-align: justify; }
  .cols.first { height: 4.2in; }
  .cols p { margin: 0; text-indent: 1.2em; }
  .cols h2 + p, .cols p.first { text-indent: 0; }
  h1 { font-size: 19pt; line-height: 1.2; margin: 0 0 8pt; font-weight: bold; }
  h2 { font-size: 12pt; margin: 8pt 0 4pt; font-weight: bold; }
  .author { font-size: 11pt; margin: 0 0 10pt; }
  .abstract { font-size: 9pt; margin: 0 0.4in 14pt; text-align: justify; }
  .notes { position: absolute; left: 0.8in; right: 0.8in; bottom: 0.85in; font-size: 7.5pt; line-height: 1.3; border-top: 0.5pt solid #000; padding-top: 4pt; }
  .notes p { margin: 0 0 2pt; }
  sup { font-size: 6.5pt; line-height: 0; }
  .front { text-align: center; padding-top: 2.5in; }
  .front h1 { font-size: 24pt; }
  .contents { width: 5in; margin: 0.4in auto 0; font-size: 11pt; }
  .contents p { display: flex; justify-content: space-between; margin: 0 0 6pt; }
`;

const HEADS = {
  214: ['M. IVANOVA', 'ARCHIVES AND THE HISTORIAN'],
  215: ['M. IVANOVA', 'ARCHIVES AND THE HISTORIAN'],
  216: ['M. IVANOVA', 'ARCHIVES AND THE HISTORIAN'],
};

function articlePage(number, body) {
  const [left, right] = HEADS[number];
  const head = number % 2 === 0 ? `<span>${number}</span><span>${left}</span>` : `<span>${right}</span><span>${number}</span>`;
  const notes = NOTES[number].map(([n, t]) => `<p><sup>${n}</sup> ${t}</p>`).join('');
  return `<div class="page"><div class="head">${head}</div>${body}<div class="notes">${notes}</div><div class="foot">Journal of Imaginary History 12 (2019)</div></div>`;
}

const paras = (list, firstNoIndent = false) => list.map((p, i) => `<p${firstNoIndent && i === 0 ? ' class="first"' : ''}>${shy(p)}</p>`).join('');

const articleHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Archives and the Historian</title><style>${CSS}</style></head><body>
<div class="page front"><p>Journal of Imaginary History</p><h1>Volume 12, Number 3</h1><p>Special issue: The Archives of the Terror</p><p>2019</p><div class="foot">i</div></div>
<div class="page"><h1 style="text-align:center">Contents</h1><div class="contents">
<p><span>Editors’ introduction</span><span>201</span></p><p><span>M. Ivanova, Archives and the Historian</span><span>214</span></p><p><span>Reviews</span><span>245</span></p></div><div class="foot">ii</div></div>
${articlePage(214, `<h1>Archives and the Historian: Counting the Terror after 1991</h1><p class="author">Maria Ivanova</p><p class="abstract">Abstract. The opening of the Soviet archives made it possible to count the victims of the Great Terror from the records of those who carried it out. This article examines what those records show and how they were made.</p><div class="cols first"><h2>1. Introduction</h2>${paras(PARAS.intro)}</div>`)}
${articlePage(215, `<div class="cols"><h2>2. The records</h2>${paras(PARAS.archive)}</div>`)}
${articlePage(216, `<div class="cols"><h2>3. The provinces</h2>${paras(PARAS.provinces)}</div>`)}
</body></html>`;

const REPORT = [
  [
    'Summary',
    'This report describes the holdings of the regional archive as surveyed in the spring of the year. It covers the party, soviet and police collections and notes where access is restricted.',
  ],
  [
    'Holdings',
    'The party collection fills four hundred metres of shelving. Its inventories are complete for the years before the war and partial afterwards. The soviet collection is smaller and better described.',
  ],
  [
    'Access',
    'Readers need a letter from their institution. Police files are open for the years up to 1953; later files may be seen with the permission of the director, which is rarely refused for research.',
  ],
];

const reportHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Survey of a Regional Archive</title><style>
  @page { size: 8.5in 11in; margin: 0; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; line-height: 1.5; }
  .page { position: relative; height: 11in; padding: 1in; break-after: page; overflow: hidden; }
  .page:last-child { break-after: auto; }
  h1 { font-size: 18pt; } h2 { font-size: 14pt; }
  .foot { position: absolute; bottom: 0.5in; left: 1in; right: 1in; text-align: center; font-size: 9pt; }
</style></head><body>
${REPORT.map(([h, t], i) => `<div class="page">${i === 0 ? '<h1>Survey of a Regional Archive</h1>' : ''}<h2>${h}</h2><p>${t}</p><p>In short: ${t.charAt(0).toLowerCase()}${t.slice(1)}</p><div class="foot">Page ${i + 1} of ${REPORT.length}</div></div>`).join('\n')}
</body></html>`;

/**
 * Appends an incremental update to a PDF written with a classic cross-reference table (as
 * Chromium writes them): a new Info dictionary and, when given, a catalog with /PageLabels.
 */
function update(pdf, { info, pageLabels }) {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)[1]);
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+\d+\s+%%EOF\s*$/.exec(text)[1];
  const size = Number(/\/Size (\d+)/.exec(trailer)[1]);
  const rootId = Number(/\/Root (\d+) 0 R/.exec(trailer)[1]);
  const catalogBody = new RegExp(`\\n${rootId} 0 obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text)[1];
  const pages = /\/Pages (\d+ 0 R)/.exec(catalogBody)[1];
  const esc = (s) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const objects = [
    [
      size,
      `<< ${Object.entries(info)
        .map(([k, v]) => `/${k} ${esc(v)}`)
        .join(' ')} >>`,
    ],
  ];
  if (pageLabels) objects.push([rootId, `<< /Type /Catalog /Pages ${pages} /PageLabels << /Nums [${pageLabels}] >> >>`]);
  let offset = pdf.length;
  let body = '';
  const entries = [];
  for (const [id, dict] of objects) {
    entries.push([id, offset + Buffer.byteLength(body, 'latin1')]);
    body += `${id} 0 obj\n${dict}\nendobj\n`;
  }
  const xrefAt = offset + Buffer.byteLength(body, 'latin1');
  let xref = 'xref\n';
  for (const [id, at] of entries.sort((a, b) => a[0] - b[0])) xref += `${id} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
  const tail = `trailer\n<< /Size ${size + 1} /Root ${rootId} 0 R /Info ${size} 0 R /Prev ${startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(`\n${body}${xref}${tail}`.slice(1), 'latin1')]);
}

async function printWithChromium() {
  const { chromium } = await import('playwright-core');
  const executablePath = [process.env.SOURCEBENCH_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const print = async (html) => {
    const page = await browser.newPage();
    await page.setContent(html);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.close();
    return pdf;
  };
  const article = update(await print(articleHtml), {
    info: {
      Title: 'Archives and the Historian: Counting the Terror after 1991',
      Author: 'Maria Ivanova',
      CreationDate: 'D:20190314101500Z',
      ModDate: 'D:20190314101500Z',
      Producer: 'Skia/PDF',
    },
    pageLabels: '0 << /S /r >> 2 << /S /D /St 214 >>',
  });
  fs.writeFileSync(path.join(out, 'article.pdf'), article);
  const report = update(await print(reportHtml), {
    info: {
      Title: 'Survey of a Regional Archive',
      Author: 'Regional Archive Service',
      CreationDate: "D:20210602090000+02'00'",
      Producer: 'Skia/PDF',
    },
  });
  fs.writeFileSync(path.join(out, 'report.pdf'), report);
  await browser.close();
}

const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Reports from the Provinces, 1937</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Anna Petrova</rdf:li><rdf:li>Ivan Sidorov</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;

function handWritten() {
  const labels = makePdf({
    info: { Title: 'Untitled', Author: 'Nobody', CreationDate: 'D:20200101' },
    xmp: XMP,
    pageLabels: '0 << /S /r >> 2 << /S /D >> 3 << /S /A /P (App. ) >>',
    pages: [
      ['Preface', 'The reports printed here were written for the regional committee.'],
      ['Acknowledgements', 'The editors thank the staff of the regional archive.'],
      ['Chapter One', 'The first report concerns the harvest of 1936 and the arrests that followed it.'],
      ['Appendix', 'A list of the documents and where they are kept.'],
    ].map(([heading, text]) => ({ lines: [{ x: 72, y: 90, size: 18, text: heading }, ...textLines([text], { top: 130 })] })),
  });
  fs.writeFileSync(path.join(out, 'labels.pdf'), labels);
  fs.writeFileSync(
    path.join(out, 'scan.pdf'),
    makePdf({
      info: { Title: 'Scanned Protocol' },
      pages: [
        { rects: [[72, 72, 468, 600]] },
        {
          rects: [
            [72, 72, 468, 300],
            [72, 400, 468, 200],
          ],
        },
      ],
    }),
  );
  fs.writeFileSync(
    path.join(out, 'mixed.pdf'),
    makePdf({
      pages: [
        { lines: textLines(['The first page has a text layer.', 'It reports on the district committee.']) },
        { rects: [[72, 72, 468, 600]] },
        { lines: textLines(['The third page has text again.', 'It closes the report.']) },
      ],
    }),
  );
  const encrypted = path.join(out, 'encrypted.pdf');
  const qpdf = spawnSync('qpdf', ['--encrypt', 'reader', 'owner', '256', '--', path.join(out, 'labels.pdf'), encrypted]);
  if (qpdf.error || qpdf.status !== 0) {
    console.error('qpdf not available: writing an /Encrypt dictionary by hand');
    fs.writeFileSync(encrypted, makePdf({ encrypt: true, pages: [{ lines: textLines(['Secret']) }] }));
  }
}

handWritten();
if (!process.argv.includes('--no-chromium')) await printWithChromium();
for (const f of fs.readdirSync(out).sort()) console.log(`${f}\t${fs.statSync(path.join(out, f)).size} bytes`);
