import { useEffect, useState } from 'react';
import type { ImportOutcome } from '../../../shared/types';
import type { ImportState } from '../hooks/useImporter';
import { importReport } from './importSummary';

const CLEAN_RESULT_MS = 6000;

/**
 * What the last import did, file by file: failures and warnings say what is wrong and what
 * was kept, and a file already in the project names the source it matched. A bar below the
 * view, never over it, so it hides nothing of the panel it reports on.
 * For a screen reader: a clean import or one with warnings is said politely (a live region kept in
 * the page, so what is put in it is announced); one with failures is an alert, said at once.
 */
export function ImportResults(props: { importer: ImportState }) {
  const { outcomes, running, dismiss } = props.importer;
  const report = importReport(outcomes);
  const clean = outcomes.length > 0 && report.clean;
  /** The pointer or the focus is on the summary (of these outcomes): it stays while it is being read. */
  const [heldFor, setHeldFor] = useState<ImportOutcome[] | null>(null);
  const holding = heldFor === outcomes;
  // A clean import needs no attention: its summary leaves by itself. Problems stay until dismissed.
  useEffect(() => {
    if (!clean || running || holding) return;
    const timer = setTimeout(dismiss, CLEAN_RESULT_MS);
    return () => clearTimeout(timer);
  }, [clean, running, holding, dismiss]);
  const shown = outcomes.length > 0 && !running;
  const summary = shown && (
    <aside
      className={report.failed ? 'import-results has-errors' : 'import-results'}
      role={report.failed ? 'alert' : 'status'}
      aria-label="Import results"
      onMouseEnter={() => setHeldFor(outcomes)}
      onMouseLeave={() => setHeldFor(null)}
      onFocus={() => setHeldFor(outcomes)}
      onBlur={() => setHeldFor(null)}
    >
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
  return (
    <>
      <div className="import-live" aria-live="polite">
        {!report.failed && summary}
      </div>
      {report.failed > 0 && summary}
    </>
  );
}
