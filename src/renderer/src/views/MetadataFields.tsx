import type { CslType } from '../../../shared/csl';
import { CSL_TYPE_LABELS, CSL_TYPES } from '../../../shared/csl';
import type { NameRow, Texts } from './metadataForm';
import { Names } from './MetadataNames';

/** An input's value and change handler for one of the form's texts. */
export type Field = (key: keyof Texts) => { value: string; readOnly: boolean; onChange(e: { target: { value: string } }): void };

/** The work: type, title, authors, editors, dates and language. */
export function WorkFields(props: {
  type: CslType;
  onType(type: CslType): void;
  field: Field;
  authors: NameRow[];
  onAuthors(rows: NameRow[]): void;
  editors: NameRow[];
  onEditors(rows: NameRow[]): void;
}) {
  const { field } = props;
  return (
    <fieldset>
      <legend>Work</legend>
      <label>
        Type
        <select value={props.type} onChange={(e) => props.onType(e.target.value as CslType)}>
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
      <Names label="Authors" rows={props.authors} onChange={props.onAuthors} />
      <Names label="Editors" rows={props.editors} onChange={props.onEditors} />
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
        Dates in EDTF: a year, year-month or day (<code>1937</code>, <code>1937-05</code>, <code>1937-05-12</code>); <code>?</code> uncertain,{' '}
        <code>~</code> approximate; <code>193X</code> a decade; <code>1936/1938</code> a span, <code>1937/..</code> open-ended. Anything else is
        refused with the reason.
      </small>
    </fieldset>
  );
}

/** Where it was published, and where to find it. */
export function PublishedFields({ field }: { field: Field }) {
  return (
    <>
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
      </fieldset>
    </>
  );
}
