import type { RefObject } from 'react';
import type { SourceDetail } from '../../../shared/types';
import type { ReaderActions as Actions } from '../hooks/useReader';
import { keyed } from '../shortcuts';
import { ReaderActions } from './ReaderActions';
import { ReaderMeta } from './ReaderMeta';

/** What the last action did, and what the source lacks (text, a text layer). */
export function ReaderNotices(props: { source: SourceDetail; notice: string | null; onDismiss(): void; onReplaceClick(): void }) {
  const { source, notice } = props;
  return (
    <>
      {notice && (
        <p className="banner info" role="status">
          {notice}{' '}
          <button type="button" className="link" onClick={props.onDismiss}>
            Dismiss
          </button>
        </p>
      )}
      {source.chars === 0 && !source.pdf && (
        <div className="banner info no-text-yet" role="status">
          <strong>No text yet:</strong> attach a file (
          <button type="button" className="link" onClick={props.onReplaceClick}>
            Replace text…
          </button>
          ). Its metadata stays as it is.
        </div>
      )}
      {source.pdf && !source.pdf.textLayer && (
        <div className="banner info no-text-layer" role="status">
          <strong>No text layer:</strong> this PDF is a scan, and its {source.pdf.pages.toLocaleString()}{' '}
          {source.pdf.pages === 1 ? 'page was' : 'pages were'} imported without text. Import the PDF again to have its pages drawn and read by text
          recognition.
        </div>
      )}
    </>
  );
}

/** The source's title, byline and metadata, what can be done with it, and notices. */
export function ReaderHeader(props: {
  source: SourceDetail;
  backLabel: string;
  onBack(): void;
  actions: Actions;
  notice: string | null;
  onNotice(message: string | null): void;
  onEdit(): void;
  onCompare(id: number): void;
  onGoToPage(wanted: string): void;
  onWhereElse(): void;
  /** The hidden file field of Replace text… and the page field, for their keys. */
  replaceInput: RefObject<HTMLInputElement | null>;
  pageInput: RefObject<HTMLInputElement | null>;
}) {
  const { source, actions, onNotice, replaceInput } = props;
  return (
    <header className="reader-header">
      <button type="button" className="link back" onClick={props.onBack} {...keyed('reader', 'back', `Back to ${props.backLabel}`)}>
        ← {props.backLabel}
      </button>
      <h1 className="reader-title">{source.title}</h1>
      <p className="byline">
        {[source.author, source.date].filter(Boolean).join(' · ') || <span className="muted">No author or date recorded</span>}
      </p>
      <ReaderMeta
        source={source}
        readAs={actions.readAs}
        onReadAs={(message) => {
          onNotice(message);
          actions.saved();
        }}
      />
      <ReaderActions
        source={source}
        replaceInput={replaceInput}
        pageInput={props.pageInput}
        onEdit={props.onEdit}
        onExportNotes={() => void actions.exportNotes().then((message) => message && onNotice(message))}
        onCompare={props.onCompare}
        onGoToPage={props.onGoToPage}
        onWhereElse={props.onWhereElse}
        onReplace={(file) => file && void actions.replaceText(file).then(onNotice)}
      />
      <ReaderNotices source={source} notice={props.notice} onDismiss={() => onNotice(null)} onReplaceClick={() => replaceInput.current?.click()} />
    </header>
  );
}

/**
 * The line that stays above the text as it scrolls: the source's title and author, and the
 * page and passage the view is at. In a window too narrow for the notes and claims beside the
 * text, it holds their toggle (styles.css).
 */
export function ReaderBar(props: { source: SourceDetail; place: string; sideShown: boolean; onSide(): void }) {
  const { source } = props;
  return (
    <div className="reader-bar" role="group" aria-label="Where you are">
      <span className="reader-bar-title" title={source.title}>
        {source.title}
      </span>
      {source.author && <span className="reader-bar-author">{source.author}</span>}
      {/* Named by its text: an aria-label is not allowed on a span without a role (axe, aria-prohibited-attr). */}
      <span className="reader-bar-place">
        <span className="visually-hidden">At </span>
        {props.place}
      </span>
      <button type="button" className="side-toggle" aria-expanded={props.sideShown} onClick={props.onSide}>
        Notes and claims
      </button>
    </div>
  );
}
