import type { CslType } from '../../../shared/csl';
import { CSL_TYPE_LABELS, CSL_TYPES } from '../../../shared/csl';
import { SHARED_FIELDS, SHARED_FIELD_LABELS } from '../../../shared/archival';
import type { SharedForm } from './sharedForm';
import { toggled, typed } from './sharedForm';

const PLACEHOLDERS: Partial<Record<(typeof SHARED_FIELDS)[number], string>> = {
  language: 'ru, de-AT',
  archive: 'Hoover Institution Archives',
  'archive-place': 'Stanford, CA',
  archive_collection: 'Boris Nicolaevsky Collection',
  archive_series: '2',
  archive_box: '14',
  archive_folder: '3',
  archive_item: '7',
  archive_location: 'f. R-9401, op. 2, d. 64',
};

/**
 * The fields that may be set on several sources at once: each with a box saying whether it
 * is set (typing in a field ticks it; a ticked field left empty is cleared) and its value.
 */
export function SharedFields(props: { form: SharedForm; onChange(form: SharedForm): void; legend: string }) {
  const { form } = props;
  return (
    <fieldset className="shared-fields">
      <legend>{props.legend}</legend>
      {SHARED_FIELDS.map((k) => {
        const label = SHARED_FIELD_LABELS[k];
        return (
          <div className="shared-field" key={k}>
            <input
              type="checkbox"
              aria-label={`Set ${label}`}
              checked={form.chosen[k]}
              onChange={(e) => props.onChange(toggled(form, k, e.target.checked))}
            />
            <label>
              {label}
              {k === 'type' ? (
                <select value={form.values.type} onChange={(e) => props.onChange(typed(form, 'type', e.target.value as CslType))}>
                  <option value="">(choose a type)</option>
                  {CSL_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {CSL_TYPE_LABELS[t]}
                    </option>
                  ))}
                </select>
              ) : (
                <input value={form.values[k]} placeholder={PLACEHOLDERS[k]} onChange={(e) => props.onChange(typed(form, k, e.target.value))} />
              )}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
