import type { CslItem, CslName, CslTextField, CslType } from '../../../shared/csl';
import { CSL_TEXT_FIELDS, isHttpUrl, isIsbn, normaliseDoi } from '../../../shared/csl';
import type { SharedValues } from '../../../shared/archival';
import { ARCHIVAL_FIELDS } from '../../../shared/archival';
import type { SourceSummary } from '../../../shared/types';

/** A name as the form edits it: a person's family and given names, or an organisation's. */
export interface NameRow {
  key: number;
  organisation: boolean;
  family: string;
  given: string;
  literal: string;
}

export type Texts = Record<CslTextField | 'issued' | 'accessed', string>;

let nextKey = 1;
export const rowOf = (n: CslName): NameRow => ({
  key: nextKey++,
  organisation: !!n.literal,
  family: n.family ?? '',
  given: n.given ?? '',
  literal: n.literal ?? '',
});
export const emptyRow = (): NameRow => ({ key: nextKey++, organisation: false, family: '', given: '', literal: '' });
export const nameOf = (r: NameRow): CslName | null =>
  r.organisation
    ? r.literal.trim()
      ? { literal: r.literal.trim() }
      : null
    : r.family.trim()
      ? { family: r.family.trim(), ...(r.given.trim() ? { given: r.given.trim() } : {}) }
      : null;

/** The dialog's text fields: the item's (csl.ts's one list) and its two dates. */
export const TEXT_KEYS: (keyof Texts)[] = [...CSL_TEXT_FIELDS, 'issued', 'accessed'];

export function textsOf(csl: CslItem | null, s: SourceSummary): Texts {
  const t = Object.fromEntries(TEXT_KEYS.map((k) => [k, (csl?.[k as keyof CslItem] as string | undefined) ?? ''])) as Texts;
  if (!csl) {
    t.title = s.title;
    t.issued = s.date ?? '';
  }
  return t;
}

/** What the form can tell at once (main checks everything again, EDTF dates included). */
export function problems(t: Texts, authors: NameRow[], editors: NameRow[]): string | null {
  if (!t.title.trim()) return 'A source needs a title.';
  if (t.URL.trim() && !isHttpUrl(t.URL.trim())) return 'URL: a web address starting http:// or https://.';
  if (t.DOI.trim() && !normaliseDoi(t.DOI)) return 'DOI: it starts 10. and a registrant number, then a slash (10.1017/S0020859000000213).';
  if (t.ISBN.trim() && !isIsbn(t.ISBN)) return 'ISBN: 10 or 13 digits (hyphens allowed) with a right check digit.';
  for (const r of [...authors, ...editors]) {
    if (!r.organisation && !r.family.trim() && r.given.trim())
      return `A name needs a family name (given: ${r.given.trim()}); for an organisation choose "Organisation".`;
  }
  return null;
}

/** The CSL item the form says. */
export function cslOf(type: CslType, texts: Texts, authors: NameRow[], editors: NameRow[]): CslItem & { title: string } {
  const csl: Record<string, unknown> = { type, title: texts.title };
  for (const k of TEXT_KEYS) if (k !== 'title' && texts[k].trim()) csl[k] = texts[k].trim();
  const a = authors.map(nameOf).filter((n): n is CslName => !!n);
  const ed = editors.map(nameOf).filter((n): n is CslName => !!n);
  if (a.length) csl.author = a;
  if (ed.length) csl.editor = ed;
  return csl as unknown as CslItem & { title: string };
}

/** The form's archival fields that have a value, as a template would keep them. */
export function archivalValues(t: Texts): SharedValues {
  const out: SharedValues = {};
  for (const k of ARCHIVAL_FIELDS) if (t[k].trim()) out[k] = t[k].trim();
  return out;
}
