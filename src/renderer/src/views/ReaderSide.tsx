import type { Annotation } from '../../../shared/types';
import { HIGHLIGHT_COLOURS } from '../../../shared/notes';
import type { HighlightColour } from '../../../shared/notes';
import type { ReaderSideState } from './useReaderSide';
import type { ReaderState } from '../hooks/useReader';
import type { Command } from '../shortcuts';
import { keyed } from '../shortcuts';
import { AnnotationSidebar } from '../notes/AnnotationSidebar';
import { ClaimsPanel } from '../claims/ClaimsPanel';

const COLOUR_COMMANDS: Record<HighlightColour, Command<'reader'>> = {
  yellow: 'highlight',
  green: 'highlightGreen',
  blue: 'highlightBlue',
  pink: 'highlightPink',
  purple: 'highlightPurple',
};

/** What can be done with words selected in the text: highlight, annotate, record a claim. */
export function SelectionToolbar(props: {
  rect: DOMRect;
  onHighlight(colour: HighlightColour, withNote: boolean): void;
  onClaim(): void;
  /** A transcription of a page image: correct the selection in place. */
  onCorrect?(): void;
}) {
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selection"
      style={{ top: Math.max(8, props.rect.top - 46), left: Math.max(8, props.rect.left) }}
      onMouseDown={(e) => e.preventDefault()}
    >
      {HIGHLIGHT_COLOURS.map((c) => (
        <button
          key={c}
          type="button"
          className={`swatch-button hl-${c}`}
          aria-label={`Highlight ${c}`}
          onClick={() => props.onHighlight(c, false)}
          {...keyed('reader', COLOUR_COMMANDS[c], `Highlight ${c}`)}
        />
      ))}
      <button type="button" className="primary" onClick={() => props.onHighlight('yellow', true)} {...keyed('reader', 'annotate')}>
        Annotate
      </button>
      <button type="button" onClick={props.onClaim} {...keyed('reader', 'claim', 'Record the figure these words state as a claim')}>
        Claim
      </button>
      {props.onCorrect && (
        <button type="button" onClick={props.onCorrect} {...keyed('reader', 'correct', 'Correct the selected words in place')}>
          Correct…
        </button>
      )}
    </div>
  );
}

/** The sidebar: the source's notes or its claims. */
export function ReaderSide(props: {
  reader: ReaderState;
  /** Its tab, the note and claim picked, and the ways back to the text (Esc: at an annotation's passage, or where it was). */
  side: ReaderSideState;
  selection: { start: number; end: number } | null;
  quoteOf?(a: Annotation): string;
}) {
  const { annotations, claims, source } = props.reader;
  const { side } = props;
  const { tab } = side;
  return (
    <div
      className="reader-side"
      onKeyDown={(e) => {
        // Esc anywhere in the panel (not taken by what has the focus): back to the text.
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        side.backToText(null);
      }}
    >
      <div className="side-tabs" role="tablist" aria-label="Sidebar">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'notes'}
          onClick={() => side.setTab('notes')}
          {...keyed('reader', 'sidebar', 'Notes')}
        >
          Notes ({annotations.list.length})
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'claims'}
          onClick={() => side.setTab('claims')}
          {...keyed('reader', 'sidebar', 'Claims')}
        >
          Claims ({claims.list.filter((c) => c.status !== 'rejected').length})
        </button>
      </div>
      {tab === 'notes' ? (
        <AnnotationSidebar
          annotations={annotations}
          selected={side.selected}
          onSelect={side.setSelected}
          selection={props.selection}
          quoteOf={props.quoteOf}
          onLeave={side.backToText}
        />
      ) : (
        <ClaimsPanel
          sourceId={source!.id}
          sourceTitle={source!.title}
          claims={claims}
          selected={side.selectedClaim}
          onSelect={side.setSelectedClaim}
        />
      )}
    </div>
  );
}
