/**
 * A minimal PDF writer for test inputs: pages of Helvetica text lines, drawn rectangles and
 * JPEG images (as a scanner writes them: one picture filling the page), an Info dictionary, page labels, XMP metadata, and (for tests of refusal) an
 * /Encrypt dictionary. Output is written in one pass with a correct cross-reference table,
 * in time linear in its size. Used by scripts/make-pdf-fixtures.mjs and by the unit tests.
 */

/** A PDF string literal: parentheses and backslashes escaped, Latin-1 only. */
function pdfString(s) {
  return `(${String(s).replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/**
 * @param {{
 *   pages: { width?: number; height?: number; lines?: { x: number; y: number; size?: number; angle?: number; text: string }[]; rects?: [number, number, number, number][]; jpeg?: { bytes: Uint8Array; width: number; height: number } }[];
 *   info?: Record<string, string>;
 *   pageLabels?: string;
 *   xmp?: string;
 *   encrypt?: boolean;
 * }} doc  `jpeg` (an RGB JPEG and its size in pixels) is drawn over the whole page, under its lines; `y` is measured from the top of the page; `pageLabels` is the /Nums array's inside, e.g. `0 << /S /r >> 2 << /S /D >>`.
 * @returns {Uint8Array}
 */
export function makePdf(doc) {
  const objects = [];
  const add = (body) => {
    objects.push(body);
    return objects.length;
  };
  const reserve = () => add('');
  const catalog = reserve();
  const pagesId = reserve();
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids = [];
  for (const page of doc.pages) {
    const width = page.width ?? 612;
    const height = page.height ?? 792;
    const ops = [];
    let xobjects = '';
    if (page.jpeg) {
      const { bytes, width: w, height: h } = page.jpeg;
      const image = add(
        `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${bytes.length} >>\nstream\n${Buffer.from(bytes).toString('latin1')}\nendstream`,
      );
      xobjects = ` /XObject << /Im1 ${image} 0 R >>`;
      ops.push(`q ${width} 0 0 ${height} 0 0 cm /Im1 Do Q`);
    }
    for (const [x, y, w, h] of page.rects ?? []) ops.push(`0.6 g ${x} ${height - y - h} ${w} ${h} re f`);
    for (const line of page.lines ?? []) {
      // A turned line (`angle` in degrees, counter-clockwise) is placed with a text matrix.
      const a = ((line.angle ?? 0) * Math.PI) / 180;
      const [c, s] = [Math.cos(a), Math.sin(a)].map((v) => Math.round(v * 1e6) / 1e6);
      const place = line.angle ? `${c} ${s} ${-s} ${c} ${line.x} ${height - line.y} Tm` : `${line.x} ${height - line.y} Td`;
      ops.push(`BT /F1 ${line.size ?? 12} Tf ${place} ${pdfString(line.text)} Tj ET`);
    }
    const stream = ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 ${font} 0 R >>${xobjects} >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[pagesId - 1] = `<< /Type /Pages /Count ${kids.length} /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] >>`;
  let extra = '';
  if (doc.pageLabels) extra += ` /PageLabels << /Nums [${doc.pageLabels}] >>`;
  if (doc.xmp)
    extra += ` /Metadata ${add(`<< /Type /Metadata /Subtype /XML /Length ${Buffer.byteLength(doc.xmp, 'utf8')} >>\nstream\n${doc.xmp}\nendstream`)} 0 R`;
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R${extra} >>`;
  const info = doc.info
    ? add(
        `<< ${Object.entries(doc.info)
          .map(([k, v]) => `/${k} ${pdfString(v)}`)
          .join(' ')} >>`,
      )
    : 0;
  // Owner and user keys that no password opens: PDF.js asks for a password.
  const encrypt = doc.encrypt ? add(`<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`) : 0;

  const chunks = ['%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n'];
  let offset = Buffer.byteLength(chunks[0], 'latin1');
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const text = `${i + 1} 0 obj\n${body}\nendobj\n`;
    chunks.push(text);
    offset += Buffer.byteLength(text, 'latin1');
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  let trailer = `/Size ${objects.length + 1} /Root ${catalog} 0 R`;
  if (info) trailer += ` /Info ${info} 0 R`;
  if (encrypt) trailer += ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`;
  chunks.push(xref, `trailer\n<< ${trailer} >>\nstartxref\n${offset}\n%%EOF\n`);
  return new Uint8Array(Buffer.from(chunks.join(''), 'latin1'));
}

/** Lines of text laid out down a page from the top, `size` points high, `leading` apart. */
export function textLines(texts, { x = 72, top = 72, size = 12, leading = size * 1.4 } = {}) {
  return texts.map((text, i) => ({ x, y: top + i * leading, size, text }));
}
