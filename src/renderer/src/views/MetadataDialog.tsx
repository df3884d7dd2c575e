import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import type { CslType } from '../../../shared/csl';
import type { SourceSummary } from '../../../shared/types';
import { messageOf } from '../api';
import { Dialog, DialogFoot } from '../components/Dialog';
import { useSourceMetadata } from '../hooks/useSourceMetadata';
import type { Field } from './MetadataFields';
import { PublishedFields, WorkFields } from './MetadataFields';
import type { NameRow, Texts } from './metadataForm';
import { cslOf, problems, rowOf, textsOf } from './metadataForm';
import type { SharedValues } from '../../../shared/archival';
import { applyShared } from '../../../shared/archival';
import { ArchiveFields } from './ArchiveFields';
import { CitationPreview } from './CitationPreview';
import { archivalValues } from './metadataForm';

/**
 * Edit a source's citation metadata (its CSL item: type, title, authors and editors, dates
 * issued and accessed as EDTF, where it was published, identifiers, archive) and its tags;
 * main validates and saves, and the library's columns follow.
 */
export function MetadataDialog(props: { source: SourceSummary; onSaved(s: SourceSummary): void; onClose(): void }) {
  const s = props.source;
  const { detail, error: loadError, save } = useSourceMetadata(s.id);
  const [loaded, setLoaded] = useState(false);
  const [type, setType] = useState<CslType>('document');
  const [texts, setTexts] = useState<Texts>(() => textsOf(null, s));
  const [authors, setAuthors] = useState<NameRow[]>([]);
  const [editors, setEditors] = useState<NameRow[]>([]);
  const [tags, setTags] = useState(s.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!detail) return;
    setType(detail.csl.type);
    setTexts(textsOf(detail.csl, s));
    setAuthors((detail.csl.author ?? []).map(rowOf));
    setEditors((detail.csl.editor ?? []).map(rowOf));
    setLoaded(true);
  }, [detail, s]);
  useEffect(() => {
    if (loadError) setError(loadError);
  }, [loadError]);

  // Read-only until the source's item has come: what was typed before would be replaced by it.
  const field: Field = (key) => ({
    value: texts[key],
    readOnly: !loaded,
    onChange: (e) => setTexts({ ...texts, [key]: e.target.value }),
  });

  const csl = cslOf(type, texts, authors, editors);
  // A template fills the form as "Apply to selected sources" would set the source.
  const fill = (values: SharedValues) => {
    const next = applyShared(csl, values);
    setType(next.type);
    setTexts(textsOf(next, s));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = problems(texts, authors, editors);
    if (problem) {
      setError(problem);
      return;
    }
    setSaving(true);
    try {
      props.onSaved(
        await save(
          csl,
          tags
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
        ),
      );
    } catch (err) {
      setError(messageOf(err));
      setSaving(false);
    }
  };

  return (
    <Dialog title="Edit source" onClose={props.onClose} className="metadata">
      <form className="form" onSubmit={submit} aria-busy={!loaded}>
        <WorkFields type={type} onType={setType} field={field} authors={authors} onAuthors={setAuthors} editors={editors} onEditors={setEditors} />
        <PublishedFields field={field} />
        <ArchiveFields field={field} texts={texts} shared={archivalValues(texts)} onFill={fill} />
        <label>
          Note
          <textarea {...field('note')} rows={2} />
        </label>
        <label>
          Tags
          <input value={tags} readOnly={!loaded} onChange={(e) => setTags(e.target.value)} placeholder="comma-separated, e.g. memoir, NKVD" />
        </label>
        <CitationPreview csl={loaded ? csl : null} />
        <DialogFoot error={error} label="Save" disabled={saving || !loaded} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
