import type { ComponentProps } from 'react';
import type { ImageSourceFacts, SourceDetail } from '../../../shared/types';
import type { RegionNotes } from './useRegionMarking';
import { PagePane } from './PagePane';
import { PageOrder } from './PageOrder';
import { LanguagePicker } from './LanguagePicker';

/**
 * A photographed or scanned source's side of the reader: the page image (with its marked
 * regions), the order of its pages and merging, and the languages it is read in.
 */
export function PageSide(props: {
  source: SourceDetail;
  image: ImageSourceFacts;
  regions: RegionNotes;
  /** The pane's version (its words are read again when it changes) and its link to the text's words. */
  pane: Pick<ComponentProps<typeof PagePane>, 'version' | 'highlightWords' | 'page' | 'onHoverWord'>;
  /** The source was changed here (pages reordered, read again): read it again. */
  onSaved(): void;
  /** The source was merged into another, which is opened. */
  onMerged(into: number): void;
}) {
  const { source, image } = props;
  // The pane starts again when the pages are put in another order (its page N is another image).
  const order = image.pages.map((p) => p.sha256.slice(0, 8)).join('');
  return (
    <div className="page-side">
      <PagePane key={`${source.id}:${order}`} sourceId={source.id} facts={image} {...props.pane} regions={props.regions} />
      <PageOrder sourceId={source.id} title={source.title} pages={image.pages} onChanged={props.onSaved} onMerged={props.onMerged} />
      <LanguagePicker
        sourceId={source.id}
        current={image.ocr.lang}
        busy={image.ocr.state === 'pending' || image.ocr.state === 'running'}
        onChanged={props.onSaved}
      />
    </div>
  );
}
