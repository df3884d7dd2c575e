import { useEffect } from 'react';
import type { ImportState } from '../hooks/useImporter';

const CLEAN_RESULT_MS = 6000;

/** What the last import did, file by file; failures and warnings say what is wrong and what was kept. */
export function ImportResults(props: { importer: ImportState }) {
  const { outcomes, running, dismiss } = props.importer;
  const clean = outcomes.length > 0 && outcomes.every((o) => o.status !== 'failed' && o.warnings.length === 0);
  // A clean import needs no attention: its summary leaves by itself. Problems stay until dismissed.
  useEffect(() => {
    if (!clean || running) return;
    const timer = setTimeout(dismiss, CLEAN_RESULT_MS);
    return () => clearTimeout(timer);
  }, [clean, running, dismiss]);
  if (!outcomes.length || running) return null;
  const imported = outcomes.filter((o) => o.status === 'imported').length;
  const duplicates = outcomes.filter((o) => o.status === 'duplicate').length;
  const failed = outcomes.filter((o) => o.status === 'failed');
  const warned = outcomes.filter((o) => o.status !== 'failed' && o.warnings.length > 0);
  const parts = [`${imported} imported`];
  if (duplicates) parts.push(`${duplicates} already in the project`);
  if (failed.length) parts.push(`${failed.length} failed`);
  return (
    <aside className={failed.length ? 'import-results has-errors' : 'import-results'} role="status" aria-label="Import results">
      <div className="import-summary">
        <strong>Import finished:</strong> {parts.join(', ')}.
        {failed.length > 0 && <span className="muted"> Nothing from the failed files was added; the project is otherwise unchanged.</span>}
        <button type="button" className="link" onClick={props.importer.dismiss}>
          Dismiss
        </button>
      </div>
      {(failed.length > 0 || warned.length > 0) && (
        <ul className="import-list">
          {failed.map((o, i) => (
            <li key={`f${i}`} className="error">
              {o.status === 'failed' && o.error.message}
            </li>
          ))}
          {warned.map((o, i) => (
            <li key={`w${i}`} className="warning">
              {o.fileName}: {o.status !== 'failed' && o.warnings.join('; ')}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
