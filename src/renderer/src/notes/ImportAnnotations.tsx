import { useEffect, useRef, useState } from 'react';
import { useAnnotationImport } from '../hooks/useAnnotationImport';
import { keyed } from '../shortcuts';
import { annotationImportSummary } from './annotationImportSummary';

/**
 * Web Annotations (Sourcebench's JSON-LD, another tool's, a Hypothesis export) onto the
 * sources they name or quote, or onto the source chosen here.
 */
export function ImportAnnotations(props: { projectPath: string | undefined; onImported(): void; onError(message: string): void }) {
  const input = useRef<HTMLInputElement>(null);
  const { sources, refresh, importFile: importOnto } = useAnnotationImport(props.projectPath, props.onError);
  const [onto, setOnto] = useState('');
  const [report, setReport] = useState('');

  useEffect(() => {
    setOnto('');
    setReport('');
  }, [props.projectPath]);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const r = await importOnto(file, onto ? Number(onto) : null);
    setReport(r ? annotationImportSummary(file.name, r) : '');
    if (r) props.onImported();
  };

  return (
    <div className="notes-export notes-import">
      <button type="button" onClick={() => input.current?.click()} {...keyed('notes', 'importAnnotations')}>
        Import annotations…
      </button>
      <select
        aria-label="Import annotations onto"
        {...keyed(
          'notes',
          'importOnto',
          'Annotations go onto the source their target names (its web address or Sourcebench link), else onto the source chosen here, else onto the one source that has their quote',
        )}
        value={onto}
        onChange={(e) => setOnto(e.target.value)}
        onFocus={refresh}
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
