import type { RefObject } from 'react';
import { useState } from 'react';
import type { SourceDetail } from '../../../shared/types';
import { TagList } from '../components/TagList';
import { formatSize } from './LibraryView';
import { canReadAs, ReadAs } from './ReadAs';

/** What the source is: origin, file, reading, passages and tags. */
export function ReaderMeta(props: { source: SourceDetail; readAs(as: 'text' | 'markdown'): Promise<string>; onReadAs(message: string): void }) {
  const { source } = props;
  const passages = source.passageList;
  return (
    <dl className="meta">
      {source.origin && (
        <>
          <dt>Origin</dt>
          <dd className="origin">{source.origin}</dd>
        </>
      )}
      <dt>File</dt>
      <dd>
        {source.format === 'reference'
          ? 'none yet (made from a reference)'
          : source.pdf
          ? `${source.fileName ?? '—'} · PDF · ${source.pdf.pages.toLocaleString()} ${source.pdf.pages === 1 ? 'page' : 'pages'} · ${formatSize(source.bytes)}`
          : `${source.fileName ?? '—'} · ${source.kind} · ${source.encoding} · ${formatSize(source.bytes)}`}
      </dd>
      {canReadAs(source) && (
        <>
          <dt>Read as</dt>
          <dd>
            <ReadAs source={source} readAs={props.readAs} onDone={props.onReadAs} />
          </dd>
        </>
      )}
      <dt>Passages</dt>
      <dd>{passages.length.toLocaleString()}</dd>
      {source.tags.length > 0 && (
        <>
          <dt>Tags</dt>
          <dd>
            <TagList tags={source.tags} />
          </dd>
        </>
      )}
    </dl>
  );
}

/** Edit, replace the text, export, compare, go to a page. */
export function ReaderActions(props: {
  source: SourceDetail;
  replaceInput: RefObject<HTMLInputElement | null>;
  onEdit(): void;
  onExportNotes(): void;
  onCompare(id: number): void;
  onGoToPage(wanted: string): void;
  onReplace(file: File | undefined): void;
}) {
  const { source } = props;
  const passages = source.passageList;
  const [pageWanted, setPageWanted] = useState('');
  return (
    <div className="reader-actions">
      <button type="button" onClick={props.onEdit}>
        Edit metadata
      </button>
      <button type="button" onClick={() => props.replaceInput.current?.click()} title="Replace the text with a corrected version; annotations follow their quotes">
        Replace text…
      </button>
      <button type="button" onClick={props.onExportNotes}>
        Export notes
      </button>
      <button type="button" onClick={() => props.onCompare(source.id)}>
        Compare with…
      </button>
      {source.pdf && passages.length > 0 && (
        <form
          className="go-to-page"
          onSubmit={(e) => {
            e.preventDefault();
            props.onGoToPage(pageWanted);
          }}
        >
          <input type="text" size={7} value={pageWanted} onChange={(e) => setPageWanted(e.target.value)} placeholder="Page…" aria-label="Go to page" title="Go to a page by its printed number (214, xii)" />
        </form>
      )}
      <input
        ref={props.replaceInput}
        type="file"
        hidden
        accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.pdf"
        aria-label="Choose the corrected text"
        onChange={(e) => {
          props.onReplace(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </div>
  );
}

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
          <strong>No text layer:</strong> this PDF is a scan or a photograph; run OCR on it (not available yet). Its {source.pdf.pages.toLocaleString()}{' '}
          {source.pdf.pages === 1 ? 'page was' : 'pages were'} imported without text.
        </div>
      )}
    </>
  );
}
