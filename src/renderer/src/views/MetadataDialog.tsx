import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import type { CslItem, CslName, CslTextField, CslType } from '../../../shared/csl';
import { CSL_TYPE_LABELS, CSL_TYPES, isHttpUrl, isIsbn, normaliseDoi } from '../../../shared/csl';
import type { SourceSummary } from '../../../shared/types';
import { api, messageOf } from '../api';
import { Dialog } from '../components/Dialog';

/** A name as the form edits it: a person's family and given names, or an organisation's. */
interface NameRow {
  key: number;
  organisation: boolean;
  family: string;
  given: string;
  literal: string;
}

type Texts = Record<CslTextField | 'issued' | 'accessed', string>;

let nextKey = 1;
const rowOf = (n: CslName): NameRow => ({ key: nextKey++, organisation: !!n.literal, family: n.family ?? '', given: n.given ?? '', literal: n.literal ?? '' });
const emptyRow = (): NameRow => ({ key: nextKey++, organisation: false, family: '', given: '', literal: '' });
const nameOf = (r: NameRow): CslName | null =>
  r.organisation ? (r.literal.trim() ? { literal: r.literal.trim() } : null) : r.family.trim() ? { family: r.family.trim(), ...(r.given.trim() ? { given: r.given.trim() } : {}) } : null;

const TEXT_KEYS: (keyof Texts)[] = ['title', 'issued', 'accessed', 'container-title', 'publisher', 'publisher-place', 'volume', 'issue', 'page', 'URL', 'DOI', 'ISBN', 'archive', 'archive_location', 'language', 'note'];

function textsOf(csl: CslItem | null, s: SourceSummary): Texts {
  const t = Object.fromEntries(TEXT_KEYS.map((k) => [k, (csl?.[k as keyof CslItem] as string | undefined) ?? ''])) as Texts;
  if (!csl) {
    t.title = s.title;
    t.issued = s.date ?? '';
  }
  return t;
}

/** What the form can tell at once (main checks everything again, EDTF dates included). */
function problems(t: Texts, authors: NameRow[], editors: NameRow[]): string | null {
  if (!t.title.trim()) return 'A source needs a title.';
  if (t.URL.trim() && !isHttpUrl(t.URL.trim())) return 'URL: a web address starting http:// or https://.';
  if (t.DOI.trim() && !normaliseDoi(t.DOI)) return 'DOI: it starts 10. and a registrant number, then a slash (10.1017/S0020859000000213).';
  if (t.ISBN.trim() && !isIsbn(t.ISBN)) return 'ISBN: 10 or 13 digits (hyphens allowed) with a right check digit.';
  for (const r of [...authors, ...editors]) {
    if (!r.organisation && !r.family.trim() && r.given.trim()) return `A name needs a family name (given: ${r.given.trim()}); for an organisation choose "Organisation".`;
  }
  return null;
}

function Names(props: { label: string; rows: NameRow[]; onChange(rows: NameRow[]): void }) {
  const set = (i: number, patch: Partial<NameRow>) => props.onChange(props.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const singular = props.label.replace(/s$/, '').toLowerCase();
  return (
    <div className="names span-all" role="group" aria-label={props.label}>
      <div className="names-head">
        <span>{props.label}</span>
        <button type="button" onClick={() => props.onChange([...props.rows, emptyRow()])}>
          Add {singular}
        </button>
      </div>
      {props.rows.map((r, i) => (
        <div key={r.key} className={r.organisation ? 'name-row organisation' : 'name-row'}>
          <select aria-label={`${props.label} ${i + 1}: person or organisation`} value={r.organisation ? 'organisation' : 'person'} onChange={(e) => set(i, { organisation: e.target.value === 'organisation' })}>
            <option value="person">Person</option>
            <option value="organisation">Organisation</option>
          </select>
          {r.organisation ? (
            <input aria-label={`${props.label} ${i + 1}: organisation`} value={r.literal} placeholder="Memorial Society" onChange={(e) => set(i, { literal: e.target.value })} />
          ) : (
            <>
              <input aria-label={`${props.label} ${i + 1}: family name`} value={r.family} placeholder="Family name" onChange={(e) => set(i, { family: e.target.value })} />
              <input aria-label={`${props.label} ${i + 1}: given name`} value={r.given} placeholder="Given name(s)" onChange={(e) => set(i, { given: e.target.value })} />
            </>
          )}
          <button type="button" className="icon" aria-label={`Remove ${singular} ${i + 1}`} title="Remove" onClick={() => props.onChange(props.rows.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}

/**
 * Edit a source's citation metadata (its CSL item: type, title, authors and editors, dates
 * issued and accessed as EDTF, where it was published, identifiers, archive) and its tags;
 * main validates and saves, and the library's columns follow.
 */
export function MetadataDialog(props: { source: SourceSummary; onSaved(s: SourceSummary): void; onClose(): void }) {
  const s = props.source;
  const [loaded, setLoaded] = useState(false);
  const [type, setType] = useState<CslType>('document');
  const [texts, setTexts] = useState<Texts>(() => textsOf(null, s));
  const [authors, setAuthors] = useState<NameRow[]>([]);
  const [editors, setEditors] = useState<NameRow[]>([]);
  const [tags, setTags] = useState(s.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .getSource({ id: s.id })
      .then((detail) => {
        if (!live) return;
        setType(detail.csl.type);
        setTexts(textsOf(detail.csl, s));
        setAuthors((detail.csl.author ?? []).map(rowOf));
        setEditors((detail.csl.editor ?? []).map(rowOf));
        setLoaded(true);
      })
      .catch((err: unknown) => live && setError(messageOf(err)));
    return () => {
      live = false;
    };
  }, [s]);

  const field = (key: keyof Texts) => ({
    value: texts[key],
    onChange: (e: { target: { value: string } }) => setTexts({ ...texts, [key]: e.target.value }),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = problems(texts, authors, editors);
    if (problem) {
      setError(problem);
      return;
    }
    setSaving(true);
    const csl: Record<string, unknown> = { type, title: texts.title };
    for (const k of TEXT_KEYS) if (k !== 'title' && texts[k].trim()) csl[k] = texts[k].trim();
    const a = authors.map(nameOf).filter((n): n is CslName => !!n);
    const ed = editors.map(nameOf).filter((n): n is CslName => !!n);
    if (a.length) csl.author = a;
    if (ed.length) csl.editor = ed;
    try {
      const saved = await api.updateSource({ id: s.id, csl: csl as unknown as CslItem & { title: string }, tags: tags.split(',').map((t) => t.trim()).filter(Boolean) });
      props.onSaved(saved);
    } catch (err) {
      setError(messageOf(err));
      setSaving(false);
    }
  };

  return (
    <Dialog title="Edit source" onClose={props.onClose} className="metadata">
      <form className="form" onSubmit={submit} aria-busy={!loaded}>
        <fieldset>
          <legend>Work</legend>
          <label>
            Type
            <select value={type} onChange={(e) => setType(e.target.value as CslType)}>
              {CSL_TYPES.map((t) => (
                <option key={t} value={t}>
                  {CSL_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="span-all">
            Title
            <input {...field('title')} required autoFocus />
          </label>
          <Names label="Authors" rows={authors} onChange={setAuthors} />
          <Names label="Editors" rows={editors} onChange={setEditors} />
          <label>
            Date
            <input {...field('issued')} aria-describedby="date-help" placeholder="1937, 1937-05-12, 1936/1938, 1938~" />
          </label>
          <label>
            Accessed
            <input {...field('accessed')} aria-describedby="date-help" placeholder="when read or saved: 2026-11-27" />
          </label>
          <label>
            Language
            <input {...field('language')} placeholder="en, ru, de-AT" />
          </label>
          <small id="date-help" className="span-all">
            Dates in EDTF: a year, year-month or day (<code>1937</code>, <code>1937-05</code>, <code>1937-05-12</code>); <code>?</code> uncertain, <code>~</code>{' '}
            approximate; <code>193X</code> a decade; <code>1936/1938</code> a span, <code>1937/..</code> open-ended. Anything else is refused with the reason.
          </small>
        </fieldset>
        <fieldset>
          <legend>Published</legend>
          <label className="span-all">
            In (journal, book, newspaper, web site)
            <input {...field('container-title')} />
          </label>
          <label>
            Publisher
            <input {...field('publisher')} />
          </label>
          <label>
            Place
            <input {...field('publisher-place')} />
          </label>
          <label>
            Volume
            <input {...field('volume')} />
          </label>
          <label>
            Issue
            <input {...field('issue')} />
          </label>
          <label>
            Pages
            <input {...field('page')} placeholder="214–230" />
          </label>
        </fieldset>
        <fieldset>
          <legend>Where to find it</legend>
          <label className="span-all">
            URL
            <input {...field('URL')} type="url" placeholder="https://…" />
          </label>
          <label>
            DOI
            <input {...field('DOI')} placeholder="10.1080/09668139408412187" />
          </label>
          <label>
            ISBN
            <input {...field('ISBN')} placeholder="978-0-19-505580-1" />
          </label>
          <label>
            Archive
            <input {...field('archive')} placeholder="GARF" />
          </label>
          <label className="span-all">
            Place in the archive (fonds, box, folder)
            <input {...field('archive_location')} placeholder="f. R-9401, op. 2, d. 64" />
          </label>
        </fieldset>
        <label>
          Note
          <textarea {...field('note')} rows={2} />
        </label>
        <label>
          Tags
          <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="comma-separated, e.g. memoir, NKVD" />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving || !loaded}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
