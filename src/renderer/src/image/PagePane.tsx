import { useRef, useState } from 'react';
import type { ImageSourceFacts, OcrWordBox } from '../../../shared/types';
import { useOcrWords, usePageImage } from '../hooks/usePageImage';
import { uprightOf } from '../../../shared/orientation';
import { canvasTransform, checkLabel, stepZoom, toCheck, turnsOf, wordsOfPage } from './pageView';
import { MarkRegionButton, RegionLayer } from './RegionLayer';
import type { RegionNotes } from './useRegionMarking';
import { useMarkAnywhere, useRegionMarking } from './useRegionMarking';
import { needsCheck } from './wordLink';

const STATE_LABEL: Record<ImageSourceFacts['ocr']['state'], string> = {
  pending: 'Text recognition waiting',
  running: 'Recognising text',
  done: 'Text recognised',
  failed: 'Text recognition failed',
  skipped: 'Not recognised: type or correct the transcription',
};

/** The page image of a photographed or scanned source, with its recognised words outlined, beside its text. */
export function PagePane(props: {
  sourceId: number;
  facts: ImageSourceFacts;
  version: string;
  /** Regions marked on the pages (annotations of the image), when the reader offers them. */
  regions?: RegionNotes;
  /** Words (their starts) outlined as linked to the text; `page`, the page the text points at. */
  highlightWords?: readonly number[];
  page?: number | null;
  onHoverWord?(word: OcrWordBox | null): void;
}) {
  const { facts } = props;
  const [page, setPage] = useState(1);
  // The page follows the text when the page it points at changes; the buttons still turn pages.
  const [followed, setFollowed] = useState<number | null>(null);
  if (props.page && props.page !== followed) {
    setFollowed(props.page);
    setPage(props.page);
  }
  const [zoom, setZoom] = useState(0.5);
  const info = facts.pages.find((p) => p.page === page) ?? facts.pages[0];
  const [turns, setTurns] = useState(() => turnsOf(info?.orientation ?? null));
  const [hovered, setHovered] = useState<OcrWordBox | null>(null);
  const { url, error } = usePageImage(props.sourceId, page);
  const words = useOcrWords(props.sourceId, props.version);
  const marking = useRegionMarking(props.regions, page);
  // A mirrored orientation (2, 4, 5, 7) is shown mirrored back; the turn button turns it further.
  const view = info && { width: info.width, height: info.height, zoom, turns, mirrored: uprightOf(info.orientation).mirrored };
  const paneRef = useRef<HTMLElement>(null);
  useMarkAnywhere(marking, view ?? null, paneRef, !!props.regions);
  if (!info || !view) return null;
  const shown = wordsOfPage(words, page);
  const check = checkLabel(toCheck(words));
  const sideways = turns % 2 === 1;
  const w = info.width * zoom;
  const h = info.height * zoom;
  const ocr = facts.ocr;
  return (
    <section
      ref={paneRef}
      className="page-pane"
      aria-label="Page image"
      onKeyDown={(e) => {
        if (marking.onKey(e, view)) return;
        if (e.key === '+' || e.key === '=') setZoom((z) => stepZoom(z, 1));
        else if (e.key === '-') setZoom((z) => stepZoom(z, -1));
      }}
    >
      <div className="page-tools" role="toolbar" aria-label="Page image tools">
        <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)} aria-label="Previous page">
          ‹
        </button>
        <span>
          Page {page} of {facts.pages.length}
        </span>
        <button type="button" disabled={page >= facts.pages.length} onClick={() => setPage((p) => p + 1)} aria-label="Next page">
          ›
        </button>
        <button type="button" onClick={() => setZoom((z) => stepZoom(z, -1))} aria-label="Zoom out">
          −
        </button>
        <span aria-live="polite">{Math.round(zoom * 100)}%</span>
        <button type="button" onClick={() => setZoom((z) => stepZoom(z, 1))} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => setTurns((t) => (t + 1) % 4)} aria-label="Rotate a quarter turn">
          ⟳
        </button>
        {props.regions && <MarkRegionButton marking={marking} view={view} />}
      </div>
      <p className="page-status" role="status">
        {STATE_LABEL[ocr.state]}
        {ocr.state === 'running' && ocr.progress !== undefined ? ` — ${Math.round(ocr.progress * 100)}%` : ''}
        {ocr.state === 'failed' && ocr.error ? `: ${ocr.error}` : ''}
        {check ? ` · ${check}` : ''}
      </p>
      {error && <p className="banner error">{error}</p>}
      {/* Scrolled to pan; the image and its word boxes turn together. */}
      <div className="page-scroll" tabIndex={0} aria-label={`Page ${page} image, scroll to pan`}>
        <div className="page-turned" style={{ width: sideways ? h : w, height: sideways ? w : h }}>
          <div className="page-canvas" style={{ width: w, height: h, transform: canvasTransform(turns, view.mirrored) }}>
            {url && <img src={url} alt={`Page ${page} of ${facts.pages.length}`} width={w} height={h} />}
            <svg viewBox={`0 0 ${info.width} ${info.height}`} width={w} height={h} aria-hidden="true">
              {shown.map((word) => (
                <rect
                  key={word.start}
                  x={word.x0}
                  y={word.y0}
                  width={word.x1 - word.x0}
                  height={word.y1 - word.y0}
                  className={`word-box${word === hovered ? ' hovered' : ''}${props.highlightWords?.includes(word.start) ? ' linked' : ''}${needsCheck(word) ? ' to-check' : ''}`}
                  data-start={word.start}
                  onMouseEnter={() => {
                    setHovered(word);
                    props.onHoverWord?.(word);
                  }}
                  onMouseLeave={() => {
                    setHovered(null);
                    props.onHoverWord?.(null);
                  }}
                />
              ))}
            </svg>
            {props.regions && <RegionLayer regions={props.regions} marking={marking} page={page} view={view} />}
          </div>
        </div>
      </div>
    </section>
  );
}
