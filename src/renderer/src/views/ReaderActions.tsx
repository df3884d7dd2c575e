import type { RefObject } from 'react';
import { useState } from 'react';
import type { SourceDetail } from '../../../shared/types';
import { keyed } from '../shortcuts';

/** Edit, replace the text, export, compare, go to a page. */
export function ReaderActions(props: {
  source: SourceDetail;
  replaceInput: RefObject<HTMLInputElement | null>;
  pageInput: RefObject<HTMLInputElement | null>;
  onEdit(): void;
  onExportNotes(): void;
  onCompare(id: number): void;
  onGoToPage(wanted: string): void;
  onReplace(file: File | undefined): void;
  onWhereElse(): void;
}) {
  const { source } = props;
  const passages = source.passageList;
  const [pageWanted, setPageWanted] = useState('');
  return (
    <div className="reader-actions">
      <button type="button" onClick={props.onEdit} {...keyed('reader', 'editMetadata')}>
        Edit metadata
      </button>
      <button
        type="button"
        onClick={() => props.replaceInput.current?.click()}
        {...keyed('reader', 'replaceText', 'Replace the text with a corrected version; annotations follow their quotes')}
      >
        Replace text…
      </button>
      <button type="button" onClick={props.onExportNotes} {...keyed('reader', 'exportNotes')}>
        Export notes
      </button>
      <button type="button" onClick={() => props.onCompare(source.id)} {...keyed('reader', 'compareWith')}>
        Compare with…
      </button>
      <button type="button" onClick={props.onWhereElse} {...keyed('reader', 'whereElse')}>
        Where else?
      </button>
      {source.pdf && passages.length > 0 && (
        <form
          className="go-to-page"
          onSubmit={(e) => {
            e.preventDefault();
            props.onGoToPage(pageWanted);
          }}
        >
          <input
            ref={props.pageInput}
            type="text"
            size={7}
            value={pageWanted}
            onChange={(e) => setPageWanted(e.target.value)}
            placeholder="Page…"
            aria-label="Go to page"
            {...keyed('reader', 'goToPage', 'Go to a page by its printed number (214, xii)')}
          />
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
