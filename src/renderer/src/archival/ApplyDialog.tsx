import type { FormEvent } from 'react';
import { useState } from 'react';
import type { MetadataTemplate, SourceSummary } from '../../../shared/types';
import { messageOf } from '../api';
import { ConfirmDialog, Dialog, DialogFoot } from '../components/Dialog';
import { applyMetadata, useTemplates } from '../hooks/useTemplates';
import { SaveTemplateDialog } from './SaveTemplateDialog';
import { SharedFields } from './SharedFields';
import { formOf, formProblem, sourcesCount, valuesOf } from './sharedForm';
import { TemplateChooser } from './TemplateChooser';

const LISTED = 4;

/**
 * "Apply to selected sources": the ticked fields set on every source marked in the library,
 * in one transaction (all of them or none), their other fields kept. A saved template fills
 * the fields; the fields may be saved as one.
 */
export function ApplyDialog(props: { sources: SourceSummary[]; onApplied(): void; onClose(): void }) {
  const { templates, error: loadError, save, remove } = useTemplates();
  const [template, setTemplate] = useState<MetadataTemplate | null>(null);
  const [form, setForm] = useState(() => formOf());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const n = props.sources.length;

  const choose = (t: MetadataTemplate | null) => {
    setTemplate(t);
    setForm(formOf(t?.values));
    setError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = formProblem(form, false);
    if (problem) return setError(problem);
    setBusy(true);
    try {
      await applyMetadata(
        props.sources.map((s) => s.id),
        valuesOf(form),
      );
      props.onApplied();
    } catch (err) {
      setError(`${messageOf(err)}. No source was changed.`);
      setBusy(false);
    }
  };

  const remaining = n - LISTED;
  return (
    <Dialog title={`Apply to ${sourcesCount(n)}`} onClose={props.onClose} className="metadata apply-dialog">
      <form className="form" onSubmit={submit}>
        <p className="dialog-text span-all">
          The ticked fields are set on {n === 1 ? 'this source' : `all ${n} of these sources`}, all at once; every other field of each is kept.
        </p>
        <ul className="apply-sources span-all" aria-label="Sources to change">
          {props.sources.slice(0, LISTED).map((s) => (
            <li key={s.id}>{s.title}</li>
          ))}
          {remaining > 0 && <li className="muted">and {sourcesCount(remaining)} more</li>}
        </ul>
        <div className="template-row span-all">
          <TemplateChooser templates={templates} label="Template" value={template?.id ?? null} onChoose={choose} />
          <button type="button" onClick={() => setSaving(true)}>
            Make a template…
          </button>
          {template && (
            <button type="button" className="danger-text" onClick={() => setDeleting(true)}>
              Delete template
            </button>
          )}
        </div>
        <SharedFields form={form} onChange={setForm} legend="Fields to set (ticked)" />
        <DialogFoot error={error ?? loadError} label={`Apply to ${sourcesCount(n)}`} disabled={busy} onCancel={props.onClose} />
      </form>
      {saving && (
        <SaveTemplateDialog
          values={valuesOf(form)}
          templates={templates}
          save={save}
          onSaved={(t) => {
            setSaving(false);
            choose(t);
          }}
          onClose={() => setSaving(false)}
        />
      )}
      {deleting && template && (
        <ConfirmDialog
          title="Delete template"
          message={`Delete the template “${template.name}”? Sources it was applied to keep their values.`}
          confirm="Delete"
          onClose={() => setDeleting(false)}
          onConfirm={() => {
            setDeleting(false);
            remove(template.id).then(
              () => choose(null),
              (err: unknown) => setError(messageOf(err)),
            );
          }}
        />
      )}
    </Dialog>
  );
}
