/**
 * A collation as TEI P5 parallel segmentation: the witnesses in `<listWit>`, the text once,
 * and where the witnesses differ an `<app>` with their readings (`<lem>` for the base text
 * when one is chosen, `<rdg wit="#w1 #w2">` for each distinct reading, empty for an omission).
 * `type` on `<app>` says what differs: `figure`, `substantive`, or `orthographic` (case,
 * punctuation, the way a figure is written).
 */
import type { Collation, CollationSegment } from '../../shared/types';

export function collationTei(c: Collation, exported: string): string {
  const names = c.witnesses.map((w) => w.title).join('; ');
  const witnesses = c.witnesses
    .map((w) => `          <witness xml:id="${w.siglum}" n="${xml(String(w.id))}">${xml(w.citation || w.title)}</witness>`)
    .join('\n');
  const base = c.base === null ? 'none (parallel readings)' : `${c.witnesses[c.base]!.siglum} (${xml(c.witnesses[c.base]!.title)})`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>Collation of ${c.witnesses.length} witnesses: ${xml(names)}</title>
      </titleStmt>
      <publicationStmt>
        <p>Exported from Sourcebench on ${xml(exported)}.</p>
      </publicationStmt>
      <sourceDesc>
        <listWit>
${witnesses}
        </listWit>
      </sourceDesc>
    </fileDesc>
    <encodingDesc>
      <variantEncoding method="parallel-segmentation" location="internal"/>
      <editorialDecl>
        <normalization>
          <p>${xml(c.normalisation)} Base text: ${base}.</p>
        </normalization>
      </editorialDecl>
    </encodingDesc>
  </teiHeader>
  <text>
    <body>
      <p>${c.segments.map((s) => segmentTei(c, s)).join(' ')}</p>
    </body>
  </text>
</TEI>
`;
}

function segmentTei(c: Collation, s: CollationSegment): string {
  if (s.kind === 'same') return xml(s.readings[0]!);
  const type = s.figure ? 'figure' : s.kind === 'variant' ? 'substantive' : 'orthographic';
  // One reading per distinct text (exactly as written), with the witnesses that have it.
  const byText = new Map<string, string[]>();
  s.readings.forEach((r, w) => byText.set(r, [...(byText.get(r) ?? []), `#${c.witnesses[w]!.siglum}`]));
  const lemText = c.base === null ? null : s.readings[c.base]!;
  const parts = [...byText].map(([text, wit]) => {
    const el = text === lemText ? 'lem' : 'rdg';
    return text ? `<${el} wit="${wit.join(' ')}">${xml(text)}</${el}>` : `<${el} wit="${wit.join(' ')}"/>`;
  });
  // The lemma comes first.
  parts.sort((a, b) => Number(b.startsWith('<lem')) - Number(a.startsWith('<lem')));
  return `<app type="${type}">${parts.join('')}</app>`;
}

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
