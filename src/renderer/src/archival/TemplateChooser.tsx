import type { MetadataTemplate } from '../../../shared/types';

/** A choice among the project's templates ("Fonds 17 / Box 14"); choosing one hands it on. */
export function TemplateChooser(props: {
  templates: MetadataTemplate[];
  label: string;
  value: number | null;
  onChoose(t: MetadataTemplate | null): void;
}) {
  return (
    <label className="template-chooser">
      {props.label}
      <select
        value={props.value ?? ''}
        disabled={props.templates.length === 0}
        onChange={(e) => props.onChoose(props.templates.find((t) => t.id === Number(e.target.value)) ?? null)}
      >
        <option value="">{props.templates.length ? '(none)' : '(no templates saved yet)'}</option>
        {props.templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
