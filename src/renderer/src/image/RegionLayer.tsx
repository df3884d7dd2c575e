import type { PointerEvent as ReactPointerEvent } from 'react';
import { useEffect, useRef } from 'react';
import type { Annotation } from '../../../shared/types';
import { keyed } from '../shortcuts';
import type { PageView, Point } from './regionGeometry';
import type { RegionMarking, RegionNotes } from './useRegionMarking';

/** How a region is named for screen readers: where it is, and the start of its note. */
export function regionName(a: Annotation, n: number): string {
  const note = a.plain.replace(/\s+/g, ' ').trim();
  return `Region ${n}, page ${a.region!.page}${note ? `: ${note.length > 80 ? `${note.slice(0, 79)}…` : note}` : ', no note yet'}`;
}

/** The pointer's place in the turned page's box (the box the rotated image fills). */
function pointIn(e: ReactPointerEvent<SVGSVGElement>): Point {
  const box = (e.currentTarget.closest('.page-turned') ?? e.currentTarget).getBoundingClientRect();
  return { x: e.clientX - box.left, y: e.clientY - box.top };
}

/** "Mark a region": the mode's button in the page tools. */
export function MarkRegionButton(props: { marking: RegionMarking; view: PageView }) {
  const { marking } = props;
  const d = marking.draft;
  return (
    <>
      <button
        type="button"
        aria-pressed={marking.marking}
        // A click from the keyboard (detail 0) places a rectangle to move with the arrows.
        onClick={(e) => marking.toggle(props.view, e.detail === 0)}
        {...keyed('page', 'markRegion', 'Mark a region of the page (a stamp, a signature, a note in the margin)')}
      >
        Mark a region
      </button>
      <span className="region-status" aria-live="polite">
        {!marking.marking ? '' : d ? `Region ${d.x}, ${d.y}, ${d.w} × ${d.h} px: Enter marks it` : 'Drag across the page (Esc stops)'}
      </span>
    </>
  );
}

/**
 * The regions marked on the page shown, over its image (in the image's own pixels, so they
 * follow the zoom and the turn with it), and the one being marked.
 */
export function RegionLayer(props: { regions: RegionNotes; marking: RegionMarking; page: number; view: PageView }) {
  const { regions, marking, page, view } = props;
  const shown = regions.list.filter((a) => a.region?.page === page);
  const draftRef = useRef<SVGRectElement>(null);
  const placed = marking.draft !== null;
  useEffect(() => {
    // A rectangle placed from the keyboard takes the focus, for the arrows and Enter.
    if (placed) draftRef.current?.focus({ preventScroll: true });
  }, [placed]);
  const d = marking.draft;
  return (
    <svg
      className={`region-layer${marking.marking ? ' marking' : ''}`}
      viewBox={`0 0 ${view.width} ${view.height}`}
      width={view.width * view.zoom}
      height={view.height * view.zoom}
      role="group"
      aria-label={`Regions marked on page ${page}`}
      onPointerDown={(e) => {
        if (!marking.marking || e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        marking.dragStart(pointIn(e));
      }}
      onPointerMove={(e) => marking.marking && marking.dragTo(pointIn(e), view)}
      onPointerUp={(e) => marking.marking && marking.dragEnd(pointIn(e), view)}
    >
      {shown.map((a) => {
        const r = a.region!;
        const n = regions.list.indexOf(a) + 1;
        const pick = () => regions.onSelect(a.id);
        return (
          <rect
            key={a.id}
            x={r.x}
            y={r.y}
            width={r.w}
            height={r.h}
            className={`region-mark hl-${a.colour}${regions.selected === a.id ? ' selected' : ''}`}
            role="button"
            tabIndex={0}
            aria-label={regionName(a, n)}
            aria-pressed={regions.selected === a.id}
            onClick={pick}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              e.stopPropagation();
              pick();
            }}
          />
        );
      })}
      {d && (
        <rect
          ref={draftRef}
          x={d.x}
          y={d.y}
          width={d.w}
          height={d.h}
          className="region-draft"
          role="img"
          tabIndex={0}
          aria-label={`New region: x ${d.x}, y ${d.y}, ${d.w} × ${d.h} pixels. Arrows move it, Shift with arrows resizes it, Enter marks it, Esc stops.`}
        />
      )}
    </svg>
  );
}
