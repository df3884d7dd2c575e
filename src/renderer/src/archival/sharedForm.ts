/**
 * The form that chooses shared values (src/shared/archival.ts) to set on several sources or
 * to save as a template: for each field, whether it is set, and to what. Pure: unit-tested
 * apart from the dialogs that use it.
 */
import type { SharedField, SharedValues } from '../../../shared/archival';
import { SHARED_FIELDS, archiveLocationOf } from '../../../shared/archival';

export interface SharedForm {
  /** The fields that will be set (a chosen field left empty is cleared). */
  chosen: Record<SharedField, boolean>;
  values: Record<SharedField, string>;
}

const each = <T>(f: (k: SharedField) => T) => Object.fromEntries(SHARED_FIELDS.map((k) => [k, f(k)])) as Record<SharedField, T>;

/** A form with the given values chosen (a template's, or what the metadata dialog holds), every other field left alone. */
export function formOf(values: SharedValues = {}): SharedForm {
  return { chosen: each((k) => values[k] !== undefined), values: each((k) => values[k] ?? '') };
}

/** A value typed: the field is chosen with it (typing into a field means setting it). */
export function typed(form: SharedForm, field: SharedField, value: string): SharedForm {
  return { chosen: { ...form.chosen, [field]: true }, values: { ...form.values, [field]: value } };
}

export function toggled(form: SharedForm, field: SharedField, chosen: boolean): SharedForm {
  return { ...form, chosen: { ...form.chosen, [field]: chosen } };
}

/** The values to send: the chosen fields only. */
export function valuesOf(form: SharedForm): SharedValues {
  const out: Record<string, string> = {};
  for (const k of SHARED_FIELDS) if (form.chosen[k]) out[k] = form.values[k];
  return out as SharedValues;
}

/** What the form can tell at once (main checks again); null when it may be sent. */
export function formProblem(form: SharedForm, forTemplate: boolean): string | null {
  const values = valuesOf(form);
  if (Object.keys(values).length === 0) return 'Choose at least one field to set (tick it, or type in it).';
  if (values.type !== undefined && !values.type) return 'Type: choose a type, or untick it to leave each source’s own.';
  if (forTemplate && !Object.values(values).some((v) => v?.trim())) return 'A template needs at least one field with a value.';
  return null;
}

/** A name for a template made from these values: "Boris Nicolaevsky Collection / Box 14"; '' when they say nothing to name it by. */
export function suggestedName(values: SharedValues): string {
  const where = values.archive_collection?.trim() || values.archive?.trim() || '';
  const place =
    values.archive_location?.trim() ||
    archiveLocationOf({ archive_series: values.archive_series, archive_box: values.archive_box, archive_folder: values.archive_folder }) ||
    '';
  return [where, place].filter(Boolean).join(' / ');
}

/** "3 sources" / "1 source". */
export const sourcesCount = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'source' : 'sources'}`;
