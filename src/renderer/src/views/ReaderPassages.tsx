import type { Virtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';
import type { Annotation, ClaimRecord, SourceDetail } from '../../../shared/types';
import type { ReaderTarget } from '../navigation';
import { PassageText } from '../notes/highlights';
import { visibleText } from '../../../shared/inline';
import { noteTarget } from '../../../shared/markers';
import type { WordMark } from '../image/wordLink';

export interface PageMark {
  label: string;
  /** A page without text (a scanned page in a PDF with text elsewhere). */
  empty: boolean;
}

/**
 * Where the pages of a paginated source (PDF) begin: a mark with the printed label before the
 * first passage of each page, and marks for pages without text where they fall.
 */
export function pageMarks(source: SourceDetail): { before: Map<number, PageMark[]>; after: PageMark[] } {
  const before = new Map<number, PageMark[]>();
  const empty = source.pdf?.pagesWithoutText ?? [];
  let e = 0;
  let last: number | null = null;
  source.passageList.forEach((p, i) => {
    if (p.page === null || p.page === last) return;
    const marks: PageMark[] = [];
    for (; e < empty.length && empty[e]!.page < p.page; e++) marks.push({ label: empty[e]!.label, empty: true });
    marks.push({ label: p.pageLabel ?? String(p.page), empty: false });
    before.set(i, marks);
    last = p.page;
  });
  return { before, after: empty.slice(e).map((x) => ({ label: x.label, empty: true })) };
}

function PageBreak({ mark }: { mark: PageMark }) {
  return (
    <div
      className={`page-break${mark.empty ? ' no-text' : ''}`}
      role="separator"
      aria-label={`Page ${mark.label}${mark.empty ? ': no text on this page' : ''}`}
    >
      p. {mark.label}
      {mark.empty && ' · no text on this page'}
    </div>
  );
}

/** The text as numbered passages, only those near the view rendered. */
export function ReaderPassages(props: {
  source: SourceDetail;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  listRef: RefObject<HTMLDivElement | null>;
  margin: number;
  marks: ReturnType<typeof pageMarks>;
  current: number;
  onCurrent(index: number): void;
  /** The passage opened at, and what to mark in it (a search hit). */
  targetIndex: number;
  target: ReaderTarget | null;
  annotations: Annotation[];
  selected: number | null;
  onPick(id: number): void;
  claims: ClaimRecord[];
  onPickClaim(id: number): void;
  footnotes: Map<string, number>;
  onMoveTo(index: number): void;
  /** The keyboard's caret (placed by useKeyboardSelection), shown where keys have placed one. */
  caretRef: RefObject<HTMLSpanElement | null>;
  caretShown: boolean;
  /** Recognised words to mark in a stretch of the text (a photographed or scanned source). */
  wordMarks?(from: number, to: number): WordMark[] | undefined;
}) {
  const { source, virtualizer, marks, current, target, footnotes } = props;
  const passages = source.passageList;
  const markdown = source.kind === 'markdown';
  return (
    <div className="passages" ref={props.listRef} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
      {virtualizer.getVirtualItems().map((v) => {
        const p = passages[v.index]!;
        // The first row of a table shows its column headers above it.
        const before = passages[v.index - 1];
        const headers =
          p.kind === 'table_row' &&
          p.info?.headers &&
          p.info.headers.length === p.info.cells?.length &&
          !(before?.kind === 'table_row' && before.info?.headers?.join('|') === p.info.headers.join('|'))
            ? p.info.headers
            : null;
        return (
          <article
            key={p.id}
            data-index={v.index}
            ref={virtualizer.measureElement}
            className={`passage ${p.kind}${headers ? ' with-head' : ''}${v.index === current ? ' current' : ''}`}
            style={{ transform: `translateY(${v.start - props.margin}px)` }}
            aria-label={`Passage ${p.ordinal}`}
            aria-current={v.index === current ? 'true' : undefined}
            onClick={() => props.onCurrent(v.index)}
          >
            {marks.before.get(v.index)?.map((m) => (
              <PageBreak key={m.label + String(m.empty)} mark={m} />
            ))}
            <span className="ordinal" aria-hidden="true">
              ¶{p.ordinal}
            </span>
            {headers && (
              <div className="table-head" role="row">
                {headers.map((h, i) => (
                  <span key={i} role="columnheader">
                    {markdown ? visibleText(h) : h}
                  </span>
                ))}
              </div>
            )}
            <p
              className="passage-text"
              data-start={p.start}
              data-note={p.kind === 'footnote' ? p.info?.note : undefined}
              role={p.kind === 'table_row' ? 'row' : undefined}
            >
              <PassageText
                passage={p}
                words={props.wordMarks?.(p.start, p.end)}
                annotations={props.annotations}
                hit={v.index === props.targetIndex && target && !target.annotationId && !target.claimId ? target : null}
                selected={props.selected}
                onPick={props.onPick}
                claims={props.claims}
                onPickClaim={props.onPickClaim}
                markdown={markdown}
                hasNote={(label) => noteTarget(label, footnotes) !== undefined}
                onNote={(label) => {
                  const at = noteTarget(label, footnotes);
                  if (at !== undefined) props.onMoveTo(at);
                }}
              />
            </p>
            {v.index === passages.length - 1 && marks.after.map((m) => <PageBreak key={m.label} mark={m} />)}
          </article>
        );
      })}
      {props.caretShown && <span ref={props.caretRef} className="reader-caret" aria-hidden="true" />}
    </div>
  );
}
