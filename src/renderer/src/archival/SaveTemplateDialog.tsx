import type { FormEvent } from 'react';
import { useState } from 'react';
import type { SharedValues } from '../../../shared/archival';
import type { MetadataTemplate } from '../../../shared/types';
import { messageOf } from '../api';
import { Dialog, DialogFoot } from '../components/Dialog';
import { SharedFields } from './SharedFields';
import { formOf, formProblem, suggestedName, valuesOf } from './sharedForm';

/**
 * Saves values under a name, to apply again ("Fonds 17 / Box 14"). A name a template has
 * already (whatever its case) replaces that template, and the button says so.
 */
export function SaveTemplateDialog(props: {
  values: SharedValues;
  templates: MetadataTemplate[];
  save(input: { id?: number; name: string; values: SharedValues }): Promise<MetadataTemplate>;
  onSaved(t: MetadataTemplate): void;
  onClose(): void;
}) {
  const [name, setName] = useState(() => suggestedName(props.values));
  const [form, setForm] = useState(() => formOf(props.values));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const same = props.templates.find((t) => t.name.toLowerCase() === name.trim().replace(/\s+/g, ' ').toLowerCase());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Opened from within another form (the metadata dialog's): its submit is this form's alone.
    e.stopPropagation();
    const problem = name.trim() ? formProblem(form, true) : 'A template needs a name.';
    if (problem) return setError(problem);
    setSaving(true);
    try {
      props.onSaved(await props.save({ ...(same ? { id: same.id } : {}), name, values: valuesOf(form) }));
    } catch (err) {
      setError(messageOf(err));
      setSaving(false);
    }
  };

  return (
    <Dialog title="Make a template" onClose={props.onClose} className="metadata template-dialog">
      <form className="form" onSubmit={submit}>
        <label className="span-all">
          Template name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Fonds 17 / Box 14" required autoFocus />
        </label>
        <SharedFields form={form} onChange={setForm} legend="Values it sets (ticked)" />
        <DialogFoot error={error} label={same ? `Replace “${same.name}”` : 'Save template'} disabled={saving} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
