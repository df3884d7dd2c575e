import { useReader } from '../hooks/useReader';
import { EmptyState } from '../components/EmptyState';
import type { ReaderTarget } from '../navigation';
import type { ReadingPlace } from './readingPlace';
import { Reader } from './Reader';
import type { HitTarget } from '../reuse/WhereElse';
import type { TextLink } from '../image/useWordLink';
import type { RegionNotes } from '../image/useRegionMarking';
import { ImageReader } from '../image/ImageReader';
import type { ReactNode } from 'react';

/** The reader: metadata header, then the text as numbered passages, virtualised for long texts. */
export function ReaderView(props: {
  sourceId: number | null;
  target: ReaderTarget | null;
  /** Where the source was left, to open at again. */
  resume: ReadingPlace | undefined;
  backLabel: string;
  onBack(): void;
  onChanged(): void;
  onCompare(id: number): void;
  onLeave(sourceId: number, place: ReadingPlace): void;
  onOpen(target: HitTarget): void;
}) {
  // Opened at its top (no passage to show, no place to resume): its first passages are shown while the rest come.
  const reader = useReader(props.sourceId, props.onChanged, !props.target && !props.resume);
  const { source, error } = reader;
  if (props.sourceId === null) {
    return (
      <section className="reader" aria-label="Reader">
        <EmptyState
          title="No source open"
          action={
            <button type="button" onClick={props.onBack}>
              Go to the library
            </button>
          }
        >
          Open a source from the library, a search result or a note to read it here.
        </EmptyState>
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
  const text = (ocr?: TextLink, pageImage?: (regions: RegionNotes) => ReactNode) => (
    <Reader
      key={`${source.id}:${props.target?.passageId ?? ''}:${props.target?.start ?? ''}`}
      source={source}
      reader={reader}
      target={props.target?.sourceId === source.id ? props.target : null}
      resume={props.resume}
      backLabel={props.backLabel}
      onCompare={props.onCompare}
      onBack={props.onBack}
      onLeave={(place) => props.onLeave(source.id, place)}
      onOpen={props.onOpen}
      ocr={ocr}
      pageImage={pageImage}
    />
  );
  if (!source.image) return text();
  // A photographed or scanned source: its page image, page order and languages beside its
  // transcription, the words linked both ways.
  return (
    <ImageReader
      key={source.id}
      source={source}
      image={source.image}
      saved={reader.actions.saved}
      onMerged={(into) => {
        props.onChanged();
        props.onOpen({ sourceId: into, passageId: 0, start: 0, end: 0 });
      }}
    >
      {text}
    </ImageReader>
  );
}
