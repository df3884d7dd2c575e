import { useState } from 'react';
import type { CslItem } from '../../../shared/csl';
import { useCitationPreview } from '../hooks/useCitationPreview';

/**
 * The item as the project's style cites it (a note or an in-text citation, and the
 * bibliography entry), following the form as it is edited. Shown from the start: citations
 * are formatted in the service's citation worker, which builds the project's style when the
 * project opens, so the dialog neither waits for it nor holds other requests; it can be folded.
 */
export function CitationPreview(props: { csl: CslItem | null }) {
  const [shown, setShown] = useState(true);
  const { preview, problem } = useCitationPreview(shown ? props.csl : null);
  return (
    <section className="citation-preview span-all" aria-label="Citation preview">
      <h3>
        <button type="button" className="link" aria-expanded={shown} onClick={() => setShown(!shown)}>
          <span aria-hidden="true">{shown ? '▾ ' : '▸ '}</span>
          As cited{preview && shown ? ` (${preview.style})` : ''}
        </button>
      </h3>
      {shown && (
        <div aria-live="polite" aria-busy={!preview && !problem} data-testid="citation-shown">
          {problem ? (
            <p className="muted">{problem}</p>
          ) : (
            <dl>
              <dt>Citation</dt>
              <dd data-testid="citation-note">{preview ? preview.note || '(the style prints nothing for it yet)' : '…'}</dd>
              <dt>Bibliography</dt>
              <dd data-testid="citation-bibliography">{preview ? preview.bibliography || '(the style prints nothing for it yet)' : '…'}</dd>
            </dl>
          )}
        </div>
      )}
    </section>
  );
}
