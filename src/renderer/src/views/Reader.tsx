import { useState } from 'react';
import type { Annotation, Passage, SourceDetail } from '../../../shared/types';
import type { HighlightColour } from '../../../shared/notes';
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
import { useNoteFocus, useReaderKeys } from './useReaderKeys';
import { useReadingPlace } from './useReadingPlace';
import { useSideShown } from './useSideShown';
import type { HitTarget } from '../reuse/WhereElse';
import { WhereElse } from '../reuse/WhereElse';

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
}) {
  const { source, target, reader } = props;
  const { annotations, claims, actions } = reader;
  const nav = usePassageNavigation(source, target);
  const { virtualizer, current, passages } = { ...nav, passages: source.passageList };
  const place = useReadingPlace(nav, passages, props.resume, props.onLeave);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<'notes' | 'claims'>(target?.claimId ? 'claims' : 'notes');
  const [selectedClaim, setSelectedClaim] = useState<number | null>(target?.claimId ?? null);
  const [selected, setSelected] = useState<number | null>(target?.annotationId ?? null);
  const [sideShown, toggleSide, hideSide] = useSideShown([selected, selectedClaim]);
  const [selection, setSelection] = useState<(Span & { rect: DOMRect }) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [whereElse, setWhereElse] = useState<Passage | null>(null);
  const showWhereElse = () => setWhereElse(passages[current] ?? null);

  const goToPage = (wanted: string) => {
    const found = nav.goToPage(wanted);
    if (found === false) setNotice(`There is no page “${wanted.trim()}” with text in this source.`);
    else if (found) setNotice(null);
  };

  const keys = useKeyboardSelection({ ...nav, passages, markdown: source.kind === 'markdown', selection, onSelection: setSelection });
  const focusNote = useNoteFocus(selected);

  const annotate = async (span: Span, colour: HighlightColour, withNote: boolean) => {
    const created = await actions.annotate(span, colour);
    keys.clear();
    if (!created || !withNote) return;
    setTab('notes');
    setSelected(created.id);
    focusNote(created.id);
  };
  const recordClaim = async (span: Span) => {
    const created = await actions.recordClaim(span);
    keys.clear();
    setTab('claims');
    if (created) setSelectedClaim(created.id);
  };
  const { replaceInput, pageInput } = useReaderKeys({ current, count: passages.length, moveTo: nav.moveTo, scrollRef: nav.scrollRef }, keys, {
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
  const pickClaim = (id: number) => {
    setTab('claims');
    setSelectedClaim(id);
  };
  /** Esc in the notes: the text takes the focus again, at the annotation's passage. */
  const backToText = (a: Annotation | null) => {
    hideSide();
    if (a) nav.showOffset(a.start);
    nav.scrollRef.current?.focus({ preventScroll: true });
  };
  const pick = (id: number) => {
    setSelected(id);
    const a = annotations.list.find((x) => x.id === id);
    if (a) nav.showOffset(a.start);
  };

  return (
    <section className={sideShown ? 'reader with-sidebar side-shown' : 'reader with-sidebar'} aria-label="Reader">
      <ReaderBar source={source} place={place} sideShown={sideShown} onSide={toggleSide} />
      <div
        className="reader-scroll"
        ref={nav.scrollRef}
        tabIndex={0}
        onMouseDown={() => {
          keys.release();
          if (sideShown) hideSide();
        }}
        onMouseUp={() => nav.scrollRef.current && setSelection(selectionOffsets(nav.scrollRef.current))}
        aria-label="Source text"
      >
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
          selected={selected}
          onPick={pick}
          claims={claims.list}
          onPickClaim={pickClaim}
          footnotes={nav.footnotes}
          onMoveTo={nav.moveTo}
          caretRef={keys.caretRef}
          caretShown={keys.caretShown}
        />
      </div>
      {selection && (
        <SelectionToolbar
          rect={selection.rect}
          onHighlight={(c, withNote) => void annotate(selection, c, withNote)}
          onClaim={() => void recordClaim(selection)}
        />
      )}
      <ReaderSide
        reader={reader}
        tab={tab}
        onTab={setTab}
        selected={selected}
        onSelect={setSelected}
        selectedClaim={selectedClaim}
        onSelectClaim={setSelectedClaim}
        selection={selection}
        quoteOf={source.kind === 'markdown' ? (a) => shownQuote(passages, a) : undefined}
        onLeaveNotes={backToText}
        onClose={() => backToText(null)}
      />
      {whereElse && <WhereElse passageId={whereElse.id} ordinal={whereElse.ordinal} onOpen={props.onOpen} onClose={() => setWhereElse(null)} />}
      {editing && (
        <MetadataDialog
          source={source}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            actions.saved();
          }}
        />
      )}
    </section>
  );
}
