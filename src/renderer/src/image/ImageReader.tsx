import type { ReactNode } from 'react';
import type { ImageSourceFacts, SourceDetail } from '../../../shared/types';
import { useTranscription } from '../hooks/useTranscription';
import { PageSide } from './PageSide';
import type { RegionNotes } from './useRegionMarking';
import type { TextLink } from './useWordLink';
import { useWordLink } from './useWordLink';

/**
 * A photographed or scanned source: its page image beside its transcription, linked both ways
 * (the words under the pointer or the selection on one side are marked on the other). The
 * reader places the page side (`pane`), with the regions marked on the page, whose notes it keeps.
 */
export function ImageReader(props: {
  source: SourceDetail;
  image: ImageSourceFacts;
  saved(): void;
  /** The source was merged into another (its id), which is to be opened. */
  onMerged(into: number): void;
  children(ocr: TextLink, pane: (regions: RegionNotes) => ReactNode): ReactNode;
}) {
  const { words, version, correct, stop } = useTranscription(props.source, props.saved);
  const link = useWordLink(words, correct, stop);
  const pane = (regions: RegionNotes) => (
    <PageSide
      source={props.source}
      image={props.image}
      regions={regions}
      pane={{ version, ...link.image }}
      onSaved={props.saved}
      onMerged={props.onMerged}
    />
  );
  return <div className={link.text.page.shown ? 'image-reader page-shown' : 'image-reader'}>{props.children(link.text, pane)}</div>;
}
