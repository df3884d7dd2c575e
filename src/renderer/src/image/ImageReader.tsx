import type { ReactNode } from 'react';
import type { ImageSourceFacts, SourceDetail } from '../../../shared/types';
import { useTranscription } from '../hooks/useTranscription';
import { PagePane } from './PagePane';
import type { TextLink } from './useWordLink';
import { useWordLink } from './useWordLink';

/**
 * A photographed or scanned source: its page image beside its transcription, linked both ways
 * (the words under the pointer or the selection on one side are marked on the other).
 */
export function ImageReader(props: { source: SourceDetail; image: ImageSourceFacts; saved(): void; children(ocr: TextLink): ReactNode }) {
  const { words, version, correct, stop } = useTranscription(props.source, props.saved);
  const link = useWordLink(words, correct, stop);
  return (
    <div className={link.text.page.shown ? 'image-reader page-shown' : 'image-reader'}>
      <PagePane key={props.source.id} sourceId={props.source.id} facts={props.image} version={version} {...link.image} />
      {props.children(link.text)}
    </div>
  );
}
