import { useEffect, useState } from 'react';
import type { ImportOutcome } from '../../../shared/types';
import type { ImportState } from '../hooks/useImporter';

const CLEAN_RESULT_MS = 6000;

/**
 * What the last import did, file by file; failures and warnings say what is wrong and what was kept.
 * For a screen reader: a clean import or one with warnings is said politely (a live region kept in
 * the page, so what is put in it is announced); one with failures is an alert, said at once.
 */
export function ImportResults(props: { importer: ImportState }) {
  const { outcomes, running, dismiss } = props.importer;
  const clean = outcomes.length > 0 && outcomes.every((o) => o.status !== 'failed' && o.warnings.length === 0);
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
  const failed = outcomes.filter((o) => o.status === 'failed');
  const summary = shown && (
    <aside
      className={failed.length ? 'import-results has-errors' : 'import-results'}
      role={failed.length ? 'alert' : 'status'}
      aria-label="Import results"
      onMouseEnter={() => setHeldFor(outcomes)}
      onMouseLeave={() => setHeldFor(null)}
      onFocus={() => setHeldFor(outcomes)}
      onBlur={() => setHeldFor(null)}
    >
      <ImportSummary importer={props.importer} />
    </aside>
  );
  return (
    <>
      <div className="import-live" aria-live="polite">
        {!failed.length && summary}
      </div>
      {failed.length > 0 && summary}
    </>
  );
}

function ImportSummary(props: { importer: ImportState }) {
  const { outcomes } = props.importer;
  const imported = outcomes.filter((o) => o.status === 'imported').length;
  const duplicates = outcomes.filter((o) => o.status === 'duplicate').length;
  const failed = outcomes.filter((o) => o.status === 'failed');
  const warned = outcomes.filter((o) => o.status !== 'failed' && o.warnings.length > 0);
  const parts = [`${imported} imported`];
  if (duplicates) parts.push(`${duplicates} already in the project`);
  if (failed.length) parts.push(`${failed.length} failed`);
  return (
    <>
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
    </>
  );
}
