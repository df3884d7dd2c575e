import { EmptyState } from '../components/EmptyState';
import { useReuseReport } from '../hooks/useReuse';
import { ReuseTable } from './ReuseTable';

const PHASES = { fingerprints: 'Reading the reuse index', passages: 'Comparing passages that share fingerprints', done: 'Done' };

/** The project-wide reuse report: which sources share text with which, how much, and which came first. */
export function ReuseView(props: { onCompare(a: number, b: number): void }) {
  const { progress, error, start, cancel, exportAs } = useReuseReport();
  const running = progress?.state === 'running';
  const report = progress?.report ?? null;
  return (
    <section className="reuse-view" aria-label="Text reuse">
      <div className="toolbar">
        <h1 className="view-title">Text reuse</h1>
        <button type="button" className={report ? '' : 'primary'} onClick={() => void start()} disabled={running}>
          {report ? 'Find again' : 'Find shared text'}
        </button>
        {report && (
          <>
            <button type="button" onClick={() => exportAs('csv')}>
              Export CSV
            </button>
            <button type="button" onClick={() => exportAs('markdown')}>
              Export Markdown
            </button>
          </>
        )}
      </div>
      {running && (
        <div className="progress-wrap" role="status" aria-label="Reuse report in progress">
          <span className="muted">
            {PHASES[progress.phase]} ({progress.done.toLocaleString()} of {progress.total.toLocaleString()})
          </span>
          <progress aria-label="Reuse report progress" max={progress.total || 1} value={progress.done} />
          <button type="button" className="link" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {progress?.state === 'cancelled' && (
        <p className="muted reuse-summary" role="status">
          The report was cancelled.
        </p>
      )}
      {report && (
        <p className="muted reuse-summary" role="status">
          {report.pairs.length.toLocaleString()} pair{report.pairs.length === 1 ? ' of sources shares' : 's of sources share'} runs of{' '}
          {report.minWords} words or more ({report.sources.toLocaleString()} sources, {report.passages.toLocaleString()} passages looked at).
          “Earlier” names the source whose date comes wholly before the other’s.
        </p>
      )}
      {report && report.pairs.length > 0 && <ReuseTable pairs={report.pairs} onCompare={props.onCompare} />}
      {!progress && (
        <EmptyState title="Which sources share text?" action={null}>
          Find the passages that two sources share — quotations, copies, a common origin — in runs of 12 words or more, with how much of each source
          they make up and which source came first.
        </EmptyState>
      )}
    </section>
  );
}
