import type { Virtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';
import type { Annotation, ClaimRecord, SourceDetail } from '../../../shared/types';
import type { ReaderTarget } from '../navigation';
import { PassageText } from '../notes/highlights';
import { visibleText } from '../../../shared/inline';
import { noteTarget } from '../../../shared/markers';
import type { WordMark } from '../image/wordLink';
import { PageBreak, pageMarks } from './PageBreak';

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
      {source.partial && (
        // Below the passages shown: what is past them has not come yet (useSource's quick first reply).
        <p className="muted passages-pending" role="status" style={{ position: 'absolute', top: virtualizer.getTotalSize() }}>
          Reading the other {(source.passages - passages.length).toLocaleString()} passages…
        </p>
      )}
    </div>
  );
}
