import { useEffect } from 'react';
import type { ImportState } from '../hooks/useImporter';
import { importReport } from './importSummary';

const CLEAN_RESULT_MS = 6000;

/**
 * What the last import did, file by file: failures and warnings say what is wrong and what
 * was kept, and a file already in the project names the source it matched. A bar below the
 * view, never over it, so it hides nothing of the panel it reports on.
 */
export function ImportResults(props: { importer: ImportState }) {
  const { outcomes, running, dismiss } = props.importer;
  const report = importReport(outcomes);
  const clean = outcomes.length > 0 && report.clean;
  // A clean import needs no attention: its summary leaves by itself. Problems stay until dismissed.
  useEffect(() => {
    if (!clean || running) return;
    const timer = setTimeout(dismiss, CLEAN_RESULT_MS);
    return () => clearTimeout(timer);
  }, [clean, running, dismiss]);
  if (!outcomes.length || running) return null;
  return (
    <aside className={report.failed ? 'import-results has-errors' : 'import-results'} role="status" aria-label="Import results">
      <div className="import-summary">
        <strong>Import finished:</strong> {report.summary}.
        {report.failed > 0 && <span className="muted"> Nothing from the failed files was added; the project is otherwise unchanged.</span>}
        <button type="button" className="link" onClick={dismiss}>
          Dismiss
        </button>
      </div>
      {report.lines.length > 0 && (
        <ul className="import-list">
          {report.lines.map((line, i) => (
            <li key={i} className={line.tone}>
              {line.text}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
