import type { FormEvent } from 'react';
import { useState } from 'react';
import type { SourceSummary } from '../../../shared/types';
import { api, messageOf } from '../api';
import { Dialog } from '../components/Dialog';

/** Edit a source's title, author, EDTF date, origin and tags; main validates and saves. */
export function MetadataDialog(props: { source: SourceSummary; onSaved(s: SourceSummary): void; onClose(): void }) {
  const s = props.source;
  const [form, setForm] = useState({ title: s.title, author: s.author ?? '', date: s.date ?? '', origin: s.origin ?? '', tags: s.tags.join(', ') });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      const saved = await api.updateSource({
        id: s.id,
        title: form.title,
        author: form.author || null,
        date: form.date || null,
        origin: form.origin || null,
        tags: form.tags.split(',').map((t) => t.trim()).filter(Boolean),
      });
      props.onSaved(saved);
    } catch (err) {
      setError(messageOf(err));
      setSaving(false);
    }
  };

  return (
    <Dialog title="Edit source" onClose={props.onClose}>
      <form className="form" onSubmit={submit}>
        <label>
          Title
          <input {...field('title')} required autoFocus />
        </label>
        <label>
          Author
          <input {...field('author')} placeholder="Surname, Given name; …" />
        </label>
        <label>
          Date
          <input {...field('date')} aria-describedby="date-help" placeholder="1937, 1937-05-12, 1936/1938, 1938~" />
          <small id="date-help">
            EDTF: a year, year-month or day (<code>1937</code>, <code>1937-05</code>, <code>1937-05-12</code>); <code>?</code> uncertain,{' '}
            <code>~</code> approximate; <code>193X</code> a decade, <code>19XX</code> a century (not <code>1930s</code> or <code>193</code>);{' '}
            <code>1936/1938</code> a span, <code>1937/..</code> open-ended. Anything else is refused with the reason.
          </small>
        </label>
        <label>
          Origin
          <input {...field('origin')} placeholder="URL, archive reference or file" />
        </label>
        <label>
          Tags
          <input {...field('tags')} placeholder="comma-separated, e.g. memoir, NKVD" />
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
          <button type="submit" className="primary" disabled={saving}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
