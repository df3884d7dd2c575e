import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { SharedValues } from '../../../shared/archival';
import { ARCHIVAL_FIELDS, SHARED_FIELD_LABELS, composeArchiveLocation } from '../../../shared/archival';
import type { MetadataTemplate } from '../../../shared/types';
import { SaveTemplateDialog } from '../archival/SaveTemplateDialog';
import { TemplateChooser } from '../archival/TemplateChooser';
import { useTemplates } from '../hooks/useTemplates';
import type { Field } from './MetadataFields';
import type { Texts } from './metadataForm';

const PARTS = ['archive_series', 'archive_box', 'archive_folder', 'archive_item'] as const;

/**
 * Where the document is kept, as an archive asks for it in a citation: the archive and its
 * place, the collection or fonds, then series, box, folder and item, from which the place in
 * the archive is composed unless it is typed. A saved template fills them; they may be saved
 * as one, with the type and language.
 */
export function ArchiveFields(props: { field: Field; texts: Texts; shared: SharedValues; onFill(values: SharedValues): void }) {
  const { field, texts } = props;
  const { templates, save } = useTemplates();
  const [chosen, setChosen] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const composed = composeArchiveLocation(texts);
  const input = (k: (typeof ARCHIVAL_FIELDS)[number], placeholder: string, className?: string) => (
    <label className={className}>
      {SHARED_FIELD_LABELS[k]}
      <input {...field(k)} placeholder={placeholder} />
    </label>
  );
  const choose = (t: MetadataTemplate | null) => {
    setChosen(t?.id ?? null);
    if (t) props.onFill(t.values);
  };
  return (
    <fieldset className="archive-fields">
      <legend>Archive</legend>
      <div className="template-row span-all">
        <TemplateChooser templates={templates} label="Fill from template" value={chosen} onChoose={choose} />
        <button type="button" onClick={() => setSaving(true)}>
          Make a template…
        </button>
      </div>
      {input('archive', 'Hoover Institution Archives')}
      {input('archive-place', 'Stanford, CA')}
      {input('archive_collection', 'Boris Nicolaevsky Collection; f. R-9401', 'span-all')}
      <div className="archive-parts span-all">
        {PARTS.map((k) => (
          <label key={k}>
            {SHARED_FIELD_LABELS[k]}
            <input {...field(k)} />
          </label>
        ))}
      </div>
      <label className="span-all">
        {SHARED_FIELD_LABELS.archive_location}
        <input {...field('archive_location')} aria-describedby="archive-location-help" placeholder={composed || 'f. R-9401, op. 2, d. 64'} />
      </label>
      <small id="archive-location-help" className="span-all">
        {composed
          ? `Left empty, citations print “${composed}”, from the series, box, folder and item; what is written here is printed instead.`
          : 'Type the place outright (fonds, inventory, file), or give the series, box, folder and item and it is composed from them.'}
      </small>
      {saving &&
        // Outside the metadata dialog's form in the page (a form may not hold another).
        createPortal(
          <SaveTemplateDialog
            values={props.shared}
            templates={templates}
            save={save}
            onSaved={(t) => {
              setSaving(false);
              setChosen(t.id);
            }}
            onClose={() => setSaving(false)}
          />,
          document.body,
        )}
    </fieldset>
  );
}
