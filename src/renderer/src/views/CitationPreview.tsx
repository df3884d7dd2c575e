import type { CslItem } from '../../../shared/csl';
import { useCitationPreview } from '../hooks/useCitationPreview';

/** The item as the project's style cites it (a note, or an in-text citation, and the bibliography entry), as it is being edited. */
export function CitationPreview(props: { csl: CslItem | null }) {
  const { preview, problem } = useCitationPreview(props.csl);
  return (
    <section className="citation-preview span-all" aria-label="Citation preview" aria-live="polite" aria-busy={!preview && !problem}>
      <h3>{preview ? `As cited (${preview.style})` : 'As cited'}</h3>
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
    </section>
  );
}
