import { type ReactNode, useState } from 'react';
import type { SourceDetail } from '../../../shared/types';
import type { ReaderState } from '../hooks/useReader';
import type { ReaderTarget } from '../navigation';
import type { ReadingPlace } from './readingPlace';
import type { Span } from '../notes/highlights';
import { selectionOffsets } from '../notes/selection';
import { MetadataDialog } from './MetadataDialog';
import { ReaderBar, ReaderHeader } from './ReaderHeader';
import { ReaderPassages } from './ReaderPassages';
import { ReaderSide, SelectionToolbar } from './ReaderSide';
import { shownQuote } from './shownQuote';
import { useKeyboardSelection } from './useKeyboardSelection';
import { usePassageNavigation } from './usePassageNavigation';
import { useReaderKeys, useSelectionActions } from './useReaderKeys';
import { useReadingPlace } from './useReadingPlace';
import { useReaderDialogs } from './useReaderDialogs';
import { useReaderSide } from './useReaderSide';
import type { HitTarget } from '../reuse/WhereElse';
import { WhereElse } from '../reuse/WhereElse';
import type { TextLink } from '../image/useWordLink';
import { useTextWords } from '../image/useTextWords';
import { CheckBar, TypeTranscription } from '../image/CheckBar';
import { WordEditor } from '../image/WordEditor';
import type { RegionNotes } from '../image/useRegionMarking';
import { useRegionNotes } from '../image/useRegionNotes';

/** A source open in the reader: its header, its text as numbered passages, and its notes and claims beside. */
export function Reader(props: {
  source: SourceDetail;
  reader: ReaderState;
  target: ReaderTarget | null;
  /** Where the source was left, to open at again. */
  resume: ReadingPlace | undefined;
  backLabel: string;
  onBack(): void;
  onCompare(id: number): void;
  onLeave(place: ReadingPlace): void;
  onOpen(target: HitTarget): void;
  /** A photographed or scanned source: its words, linked to its page image, shown beside with its marked regions. */
  ocr?: TextLink;
  pageImage?(regions: RegionNotes): ReactNode;
}) {
  const { source, target, reader } = props;
  const { annotations, claims, actions } = reader;
  const nav = usePassageNavigation(source, target);
  const { virtualizer, current, passages } = { ...nav, passages: source.passageList };
  const place = useReadingPlace(nav, passages, props.resume, props.onLeave);
  const side = useReaderSide(nav, target, annotations.list);
  const { tab, setTab } = side;
  const [selection, setSelection] = useState<(Span & { rect: DOMRect }) | null>(null);
  const { editing, setEditing, closeEdit, notice, setNotice, whereElse, setWhereElse, showWhereElse, goToPage } = useReaderDialogs(
    nav,
    passages,
    current,
    actions,
  );

  const keys = useKeyboardSelection({ ...nav, passages, markdown: source.kind === 'markdown', selection, onSelection: setSelection });
  const { annotate, recordClaim, focusNote } = useSelectionActions(actions, keys, side);
  const regions = useRegionNotes(source.id, annotations, side, focusNote);
  const words = useTextWords(props.ocr, { ...nav, passages }, selection);
  const { replaceInput, pageInput } = useReaderKeys({ current, count: source.passages, moveTo: nav.moveTo, scrollRef: nav.scrollRef }, keys, {
    selection,
    highlight: annotate,
    claim: recordClaim,
    onBack: props.onBack,
    toggleSidebar: () => setTab(tab === 'notes' ? 'claims' : 'notes'),
    edit: () => setEditing(true),
    exportNotes: () => void actions.exportNotes().then((message) => message && setNotice(message)),
    compare: () => props.onCompare(source.id),
    whereElse: showWhereElse,
  });

  return (
    <>
      {props.pageImage?.(regions)}
      <section className={side.shown ? 'reader with-sidebar side-shown' : 'reader with-sidebar'} aria-label="Reader">
        <ReaderBar source={source} place={place} sideShown={side.shown} onSide={side.toggle} />
        <div
          className="reader-scroll"
          ref={nav.scrollRef}
          tabIndex={0}
          onMouseDown={() => {
            keys.release();
            if (side.shown) side.hide();
          }}
          onMouseUp={() => nav.scrollRef.current && setSelection(selectionOffsets(nav.scrollRef.current))}
          aria-label="Source text"
          {...words.pointer}
        >
          {props.ocr && <CheckBar ocr={props.ocr} text={words} hasText={source.chars > 0} />}
          <ReaderHeader
            source={source}
            backLabel={props.backLabel}
            onBack={props.onBack}
            actions={actions}
            notice={notice}
            onNotice={setNotice}
            onEdit={() => setEditing(true)}
            onCompare={props.onCompare}
            onGoToPage={goToPage}
            onWhereElse={showWhereElse}
            replaceInput={replaceInput}
            pageInput={pageInput}
          />
          {props.ocr && source.chars === 0 && <TypeTranscription state={source.image!.ocr.state} {...props.ocr.typing} />}
          <ReaderPassages
            source={source}
            virtualizer={virtualizer}
            listRef={nav.listRef}
            margin={nav.margin}
            marks={nav.marks}
            current={current}
            onCurrent={nav.setCurrent}
            targetIndex={nav.targetIndex}
            target={target}
            annotations={annotations.list}
            selected={side.selected}
            onPick={side.pick}
            claims={claims.list}
            onPickClaim={side.pickClaim}
            footnotes={nav.footnotes}
            onMoveTo={nav.moveTo}
            caretRef={keys.caretRef}
            caretShown={keys.caretShown}
            wordMarks={words.marks}
          />
        </div>
        {selection && (
          <SelectionToolbar
            rect={selection.rect}
            onHighlight={(c, withNote) => void annotate(selection, c, withNote)}
            onClaim={() => void recordClaim(selection)}
            onCorrect={props.ocr && words.commands.correct}
          />
        )}
        <ReaderSide
          reader={reader}
          side={side}
          selection={selection}
          quoteOf={source.kind === 'markdown' ? (a) => shownQuote(passages, a) : undefined}
        />
        {words.editing && <WordEditor key={words.editing.start} at={words.editing} onSave={words.save} onClose={words.close} />}
        {whereElse && <WhereElse passageId={whereElse.id} ordinal={whereElse.ordinal} onOpen={props.onOpen} onClose={() => setWhereElse(null)} />}
        {editing && <MetadataDialog source={source} onClose={() => closeEdit(false)} onSaved={() => closeEdit(true)} />}
      </section>
    </>
  );
}
