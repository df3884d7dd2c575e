import type { SourceDetail } from '../../../shared/types';

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

export function PageBreak({ mark }: { mark: PageMark }) {
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
