import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent } from 'react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SourceDetail } from '../../../shared/types';
import { useSource } from '../hooks/useSource';
import { MetadataDialog } from './MetadataDialog';
import { canReadAs, ReadAs } from './ReadAs';
import { formatSize } from './LibraryView';
import { TagList } from '../components/TagList';
import type { ReaderTarget } from '../navigation';
import { api, messageOf } from '../api';
import { download, useAnnotations } from '../hooks/useAnnotations';
import { AnnotationSidebar } from '../notes/AnnotationSidebar';
import { ClaimsPanel } from '../claims/ClaimsPanel';
import { useClaims } from '../hooks/useClaims';
import type { Span } from '../notes/highlights';
import { PassageText, selectionOffsets } from '../notes/highlights';
import type { HighlightColour } from '../../../shared/notes';
import { HIGHLIGHT_COLOURS } from '../../../shared/notes';
import { visibleRange, visibleText } from '../../../shared/inline';
import { noteTarget } from '../../../shared/markers';
import { lastAtOrBefore } from '../../../shared/sorted';

/** The reader: metadata header, then the text as numbered passages, virtualised for long texts. */
export function ReaderView(props: { sourceId: number | null; target: ReaderTarget | null; backLabel: string; onBack(): void; onChanged(): void; onCompare(id: number): void }) {
  const [version, setVersion] = useState(0);
  const { source, error } = useSource(props.sourceId, version);
  if (props.sourceId === null) {
    return (
      <section className="reader empty" aria-label="Reader">
        <h2>No source open</h2>
        <p>Open a source from the library to read it here.</p>
        <button type="button" onClick={props.onBack}>
          Go to the library
        </button>
      </section>
    );
  }
  if (error) {
    return (
      <section className="reader empty" aria-label="Reader">
        <p className="banner error" role="alert">
          {error}
        </p>
        <button type="button" onClick={props.onBack}>
          Back to the library
        </button>
      </section>
    );
  }
  if (!source) return <section className="reader" aria-label="Reader" aria-busy="true" />;
  return (
    <Reader
      key={`${source.id}:${props.target?.passageId ?? ''}:${props.target?.start ?? ''}`}
      source={source}
      target={props.target?.sourceId === source.id ? props.target : null}
      backLabel={props.backLabel}
      onCompare={props.onCompare}
      onBack={props.onBack}
      onSaved={() => {
        setVersion((v) => v + 1);
        props.onChanged();
      }}
    />
  );
}

interface PageMark {
  label: string;
  /** A page without text (a scanned page in a PDF with text elsewhere). */
  empty: boolean;
}

/**
 * Where the pages of a paginated source (PDF) begin: a mark with the printed label before the
 * first passage of each page, and marks for pages without text where they fall.
 */
function pageMarks(source: SourceDetail): { before: Map<number, PageMark[]>; after: PageMark[] } {
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
    <div className={`page-break${mark.empty ? ' no-text' : ''}`} role="separator" aria-label={`Page ${mark.label}${mark.empty ? ': no text on this page' : ''}`}>
      p. {mark.label}
      {mark.empty && ' · no text on this page'}
    </div>
  );
}

function Reader(props: { source: SourceDetail; target: ReaderTarget | null; backLabel: string; onBack(): void; onSaved(): void; onCompare(id: number): void }) {
  const { source, target } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const targetIndex = target
    ? source.passageList.findIndex((p) => (target.passageId ? p.id === target.passageId : p.start <= target.start && target.start < p.end))
    : -1;
  const [current, setCurrent] = useState(Math.max(0, targetIndex));
  const [editing, setEditing] = useState(false);
  const passages = source.passageList;
  const marks = useMemo(() => pageMarks(source), [source]);
  const [pageWanted, setPageWanted] = useState('');
  /** A note's quote in a Markdown source as the reader shows it, markers hidden (when it lies in one passage). */
  const shownQuote = (a: { start: number; end: number; exact: string }) => {
    const p = passages[lastAtOrBefore(passages, a.start, (x) => x.start)];
    if (!p || a.end > p.end) return a.exact;
    return visibleRange(p.text, a.start - p.start, a.end - p.start);
  };
  /** Footnotes by label: where a note reference ([22], [^8]) leads. */
  const footnotes = useMemo(() => {
    const byLabel = new Map<string, number>();
    passages.forEach((p, i) => {
      if (p.kind === 'footnote' && p.info?.note && !byLabel.has(p.info.note)) byLabel.set(p.info.note, i);
    });
    return byLabel;
  }, [passages]);
  const annotations = useAnnotations(source.id);
  const claims = useClaims(source.id);
  const [tab, setTab] = useState<'notes' | 'claims'>(target?.claimId ? 'claims' : 'notes');
  const [selectedClaim, setSelectedClaim] = useState<number | null>(target?.claimId ?? null);
  const [selected, setSelected] = useState<number | null>(target?.annotationId ?? null);
  const [selection, setSelection] = useState<(Span & { rect: DOMRect }) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const { reload: reloadAnnotations } = annotations;
  const { reload: reloadClaims } = claims;
  // A corrected text moves annotations and claims: read them again whenever the source is reloaded.
  useEffect(() => {
    void reloadAnnotations();
    void reloadClaims();
  }, [source, reloadAnnotations, reloadClaims]);
  const listRef = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => setMargin(listRef.current?.offsetTop ?? 0), [source]);

  const virtualizer = useVirtualizer({
    scrollMargin: margin,
    count: passages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => 40 + Math.ceil(passages[i]!.text.length / 70) * 29 + (marks.before.get(i)?.length ?? 0) * 30,
    overscan: 6,
  });

  useEffect(() => {
    scrollRef.current?.focus();
  }, []);

  // Opened from a search result: bring the matched passage into view once the layout is known.
  useEffect(() => {
    if (targetIndex >= 0 && margin > 0) virtualizer.scrollToIndex(targetIndex, { align: 'center' });
  }, [targetIndex, margin, virtualizer]);

  const moveTo = (index: number) => {
    if (!passages.length) return;
    const i = Math.max(0, Math.min(passages.length - 1, index));
    setCurrent(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    const keys: Record<string, () => void> = {
      j: () => moveTo(current + 1),
      ArrowDown: () => moveTo(current + 1),
      k: () => moveTo(current - 1),
      ArrowUp: () => moveTo(current - 1),
      Home: () => moveTo(0),
      End: () => moveTo(passages.length - 1),
      Escape: () => props.onBack(),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const byline = [source.author, source.date].filter(Boolean).join(' · ');

  /** Jumps to the first passage of a page, by its printed label or its number. */
  const goToPage = (wanted: string) => {
    const w = wanted.trim().toLowerCase().replace(/^p\.?\s*/, '');
    if (!w) return;
    let index = passages.findIndex((p) => p.pageLabel?.toLowerCase() === w);
    if (index < 0 && /^\d+$/.test(w)) index = passages.findIndex((p) => p.page !== null && p.page >= Number(w));
    if (index < 0) setNotice(`There is no page “${wanted.trim()}” with text in this source.`);
    else {
      setNotice(null);
      setCurrent(index);
      virtualizer.scrollToIndex(index, { align: 'start' });
      // Back to the text, for j/k; left in the field, the next focus elsewhere scrolled the text to its top.
      scrollRef.current?.focus({ preventScroll: true });
    }
  };

  const onMouseUp = () => {
    if (scrollRef.current) setSelection(selectionOffsets(scrollRef.current));
  };

  const annotate = async (colour: HighlightColour, withNote: boolean) => {
    if (!selection) return;
    const created = await annotations.run(() => api.createAnnotation({ sourceId: source.id, start: selection.start, end: selection.end, colour }));
    window.getSelection()?.removeAllRanges();
    setSelection(null);
    if (created && withNote) setSelected(created.id);
  };

  const recordClaim = async () => {
    if (!selection) return;
    const created = await claims.run(() => api.createClaim({ sourceId: source.id, start: selection.start, end: selection.end }));
    window.getSelection()?.removeAllRanges();
    setSelection(null);
    setTab('claims');
    if (created) setSelectedClaim(created.id);
  };

  const pickClaim = (id: number) => {
    setTab('claims');
    setSelectedClaim(id);
  };

  const pick = (id: number) => {
    setSelected(id);
    const a = annotations.list.find((x) => x.id === id);
    const index = a ? passages.findIndex((p) => p.start <= a.start && a.start <= p.end) : -1;
    if (index >= 0) {
      setCurrent(index);
      virtualizer.scrollToIndex(index, { align: 'auto' });
    }
  };

  const replaceText = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await api.replaceSourceText({ id: source.id, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      setNotice(
        `Text replaced from ${file.name}: ${r.source.passages} passages. ${r.annotations} annotations: ${r.annotations - r.orphaned} placed (${r.moved} moved), ${r.orphaned} not placed.`,
      );
      props.onSaved();
    } catch (err) {
      setNotice(`${file.name} was not used: ${messageOf(err)}. The text and its annotations are as they were.`);
    }
  };

  const exportNotes = async () => {
    try {
      const [file] = await api.exportMarkdown({ sourceId: source.id });
      if (file) download(file);
    } catch (err) {
      setNotice(messageOf(err));
    }
  };

  return (
    <section className="reader with-sidebar" aria-label="Reader">
      <div className="reader-scroll" ref={scrollRef} tabIndex={0} onKeyDown={onKey} onMouseUp={onMouseUp} aria-label="Source text">
        <header className="reader-header">
          <button type="button" className="link back" onClick={props.onBack}>
            ← {props.backLabel}
          </button>
          <h1 className="reader-title">{source.title}</h1>
          <p className="byline">{byline || <span className="muted">No author or date recorded</span>}</p>
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
                  <ReadAs source={source} onDone={(message) => { setNotice(message); props.onSaved(); }} />
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
          <div className="reader-actions">
            <button type="button" onClick={() => setEditing(true)}>
              Edit metadata
            </button>
            <button type="button" onClick={() => replaceInput.current?.click()} title="Replace the text with a corrected version; annotations follow their quotes">
              Replace text…
            </button>
            <button type="button" onClick={() => void exportNotes()}>
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
                  goToPage(pageWanted);
                }}
              >
                <input type="text" size={7} value={pageWanted} onChange={(e) => setPageWanted(e.target.value)} placeholder="Page…" aria-label="Go to page" title="Go to a page by its printed number (214, xii)" />
              </form>
            )}
            <input
              ref={replaceInput}
              type="file"
              hidden
              accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.pdf"
              aria-label="Choose the corrected text"
              onChange={(e) => {
                void replaceText(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </div>
          {notice && (
            <p className="banner info" role="status">
              {notice}{' '}
              <button type="button" className="link" onClick={() => setNotice(null)}>
                Dismiss
              </button>
            </p>
          )}
          {source.chars === 0 && !source.pdf && (
            <div className="banner info no-text-yet" role="status">
              <strong>No text yet:</strong> attach a file (
              <button type="button" className="link" onClick={() => replaceInput.current?.click()}>
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
        </header>
        <div className="passages" ref={listRef} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const p = passages[v.index]!;
            // The first row of a table shows its column headers above it.
            const before = passages[v.index - 1];
            const headers = p.kind === 'table_row' && p.info?.headers && p.info.headers.length === p.info.cells?.length && !(before?.kind === 'table_row' && before.info?.headers?.join('|') === p.info.headers.join('|')) ? p.info.headers : null;
            return (
              <article
                key={p.id}
                data-index={v.index}
                ref={virtualizer.measureElement}
                className={`passage ${p.kind}${headers ? ' with-head' : ''}${v.index === current ? ' current' : ''}`}
                style={{ transform: `translateY(${v.start - margin}px)` }}
                aria-label={`Passage ${p.ordinal}`}
                aria-current={v.index === current ? 'true' : undefined}
                onClick={() => setCurrent(v.index)}
              >
                {marks.before.get(v.index)?.map((m) => <PageBreak key={m.label + String(m.empty)} mark={m} />)}
                <span className="ordinal" aria-hidden="true">
                  ¶{p.ordinal}
                </span>
                {headers && (
                  <div className="table-head" role="row">
                    {headers.map((h, i) => (
                      <span key={i} role="columnheader">
                        {source.kind === 'markdown' ? visibleText(h) : h}
                      </span>
                    ))}
                  </div>
                )}
                <p className="passage-text" data-start={p.start} data-note={p.kind === 'footnote' ? p.info?.note : undefined} role={p.kind === 'table_row' ? 'row' : undefined}>
                  <PassageText
                    passage={p}
                    annotations={annotations.list}
                    hit={v.index === targetIndex && target && !target.annotationId && !target.claimId ? target : null}
                    selected={selected}
                    onPick={pick}
                    claims={claims.list}
                    onPickClaim={pickClaim}
                    markdown={source.kind === 'markdown'}
                    hasNote={(label) => noteTarget(label, footnotes) !== undefined}
                    onNote={(label) => {
                      const at = noteTarget(label, footnotes);
                      if (at !== undefined) moveTo(at);
                    }}
                  />
                </p>
                {v.index === passages.length - 1 && marks.after.map((m) => <PageBreak key={m.label} mark={m} />)}
              </article>
            );
          })}
        </div>
      </div>
      {selection && (
        <div
          className="selection-toolbar"
          role="toolbar"
          aria-label="Selection"
          style={{ top: Math.max(8, selection.rect.top - 46), left: Math.max(8, selection.rect.left) }}
          onMouseDown={(e) => e.preventDefault()}
        >
          {HIGHLIGHT_COLOURS.map((c) => (
            <button key={c} type="button" className={`swatch-button hl-${c}`} aria-label={`Highlight ${c}`} onClick={() => void annotate(c, false)} />
          ))}
          <button type="button" className="primary" onClick={() => void annotate('yellow', true)}>
            Annotate
          </button>
          <button type="button" onClick={() => void recordClaim()} title="Record the figure these words state as a claim">
            Claim
          </button>
        </div>
      )}
      <div className="reader-side">
        <div className="side-tabs" role="tablist" aria-label="Sidebar">
          <button type="button" role="tab" aria-selected={tab === 'notes'} onClick={() => setTab('notes')}>
            Notes ({annotations.list.length})
          </button>
          <button type="button" role="tab" aria-selected={tab === 'claims'} onClick={() => setTab('claims')}>
            Claims ({claims.list.filter((c) => c.status !== 'rejected').length})
          </button>
        </div>
        {tab === 'notes' ? (
          <AnnotationSidebar annotations={annotations} selected={selected} onSelect={setSelected} selection={selection} quoteOf={source.kind === 'markdown' ? shownQuote : undefined} />
        ) : (
          <ClaimsPanel sourceId={source.id} sourceTitle={source.title} claims={claims} selected={selectedClaim} onSelect={setSelectedClaim} />
        )}
      </div>
      {editing && (
        <MetadataDialog
          source={source}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            props.onSaved();
          }}
        />
      )}
    </section>
  );
}
