import { useReader } from '../hooks/useReader';
import { EmptyState } from '../components/EmptyState';
import type { ReaderTarget } from '../navigation';
import type { ReadingPlace } from './readingPlace';
import { Reader } from './Reader';
import type { HitTarget } from '../reuse/WhereElse';
import { PagePane } from '../image/PagePane';
import { PageOrder } from '../image/PageOrder';
import { LanguagePicker } from '../image/LanguagePicker';

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
  const reader = useReader(props.sourceId, props.onChanged);
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
  const text = (
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
    />
  );
  if (!source.image) return text;
  // A photographed or scanned source: its page image and page order beside its transcription.
  // The pane starts again when the pages are put in another order (its page N is another image).
  const order = source.image.pages.map((p) => p.sha256.slice(0, 8)).join('');
  return (
    <div className="image-reader">
      <div className="page-side">
        <PagePane
          key={`${source.id}:${order}`}
          sourceId={source.id}
          facts={source.image}
          version={source.hash + source.chars + source.image.ocr.state}
        />
        <PageOrder
          sourceId={source.id}
          title={source.title}
          pages={source.image.pages}
          onChanged={reader.actions.saved}
          onMerged={(into) => {
            props.onChanged();
            props.onOpen({ sourceId: into, passageId: 0, start: 0, end: 0 });
          }}
        />
        <LanguagePicker
          sourceId={source.id}
          current={source.image.ocr.lang}
          busy={source.image.ocr.state === 'pending' || source.image.ocr.state === 'running'}
          onChanged={reader.actions.saved}
        />
      </div>
      {text}
    </div>
  );
}
