import { useRef } from 'react';
import type { StyleChoice } from '../../../shared/styles';
import { useCitationSettings } from '../hooks/useNotes';
import { keyed } from '../shortcuts';

/**
 * How exported quotes are cited: the project's CSL style (a shipped one or a `.csl` file of
 * the historian's own), or Pandoc citations with a bibliography file. The style is kept in the
 * project; the Pandoc choice is the export's.
 */
export function CitationStyle(props: { pandoc: boolean; onPandoc(on: boolean): void; onError(message: string): void }) {
  const { settings, choose } = useCitationSettings(props.onError);
  const file = useRef<HTMLInputElement>(null);

  if (!settings) return null;
  return (
    <span className="citation-style">
      <label>
        Cite as
        <select
          aria-label="Citation style"
          {...keyed('notes', 'citationStyle')}
          value={props.pandoc ? 'pandoc' : settings.style}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'pandoc') return props.onPandoc(true);
            props.onPandoc(false);
            if (v === 'add') return file.current?.click();
            void choose(v as StyleChoice);
          }}
        >
          {settings.styles.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
          {settings.custom && <option value="custom">{settings.custom.title} (your style)</option>}
          <option value="pandoc">Pandoc citations [@key] with a bibliography file</option>
          <option value="add">Add a style of your own (.csl)…</option>
        </select>
      </label>
      <input
        ref={file}
        type="file"
        accept=".csl,application/xml,text/xml"
        aria-label="A CSL style file"
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void f.text().then((xml) => choose('custom', { name: f.name, xml }));
        }}
      />
    </span>
  );
}
