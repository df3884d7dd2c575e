import { useEffect, useRef, useState } from 'react';
import type { AnnotationImport, SourceSummary } from '../../../shared/types';
import { api, messageOf } from '../api';

/** "12 imported: 11 placed, 1 not placed; 2 already here; 1 skipped: item 4, a note on the whole page…" */
export function importSummary(name: string, r: AnnotationImport): string {
  const parts = [`${r.imported} imported${r.imported ? `: ${r.placed} placed, ${r.orphaned} not placed` : ''}`];
  if (r.duplicates) parts.push(`${r.duplicates} already here`);
  if (r.skipped.length) {
    const shown = r.skipped.slice(0, 5).map((s) => `item ${s.index + 1}, ${s.reason}`);
    parts.push(`${r.skipped.length} skipped: ${shown.join('; ')}${r.skipped.length > 5 ? `; and ${r.skipped.length - 5} more` : ''}`);
  }
  return `${name}: ${parts.join('; ')}.`;
}

/**
 * Web Annotations (Sourcebench's JSON-LD, another tool's, a Hypothesis export) onto the
 * sources they name or quote, or onto the source chosen here.
 */
export function ImportAnnotations(props: { projectPath: string | undefined; onImported(): void; onError(message: string): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [sources, setSources] = useState<SourceSummary[]>([]);
  const [onto, setOnto] = useState('');
  const [report, setReport] = useState('');

  useEffect(() => {
    setOnto('');
    setReport('');
    api.listSources({}).then(setSources, (err: unknown) => props.onError(messageOf(err)));
  }, [props.projectPath]);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await api.importAnnotations({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), ...(onto ? { sourceId: Number(onto) } : {}) });
      setReport(importSummary(file.name, r));
      props.onImported();
    } catch (err) {
      setReport('');
      props.onError(messageOf(err));
    }
  };

  return (
    <div className="notes-export notes-import">
      <button type="button" onClick={() => input.current?.click()}>
        Import annotations…
      </button>
      <select
        aria-label="Import annotations onto"
        title="Annotations go onto the source their target names (its web address or Sourcebench link), else onto the source chosen here, else onto the one source that has their quote"
        value={onto}
        onChange={(e) => setOnto(e.target.value)}
        onFocus={() => void api.listSources({}).then(setSources, () => undefined)}
      >
        <option value="">onto the sources they name or quote</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            onto {s.title}
          </option>
        ))}
      </select>
      {report && (
        <span className="muted small" role="status">
          {report}
        </span>
      )}
      <input
        ref={input}
        type="file"
        hidden
        accept=".json,.jsonld,application/json,application/ld+json"
        aria-label="Choose a file of annotations"
        onChange={(e) => {
          void importFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </div>
  );
}
