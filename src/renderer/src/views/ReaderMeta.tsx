import type { SourceDetail } from '../../../shared/types';
import { TagList } from '../components/TagList';
import { formatSize } from './LibraryView';
import { canReadAs, ReadAs } from './ReadAs';

const pageImages = (n: number) => `${n.toLocaleString()} page ${n === 1 ? 'image' : 'images'}`;

/** What the source is: origin, file, reading, passages and tags. */
export function ReaderMeta(props: { source: SourceDetail; readAs(as: 'text' | 'markdown'): Promise<string>; onReadAs(message: string): void }) {
  const { source } = props;
  return (
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
            : source.image
              ? `${source.fileName ?? '—'} · ${pageImages(source.image.pages.length)} · ${formatSize(source.bytes)}`
              : `${source.fileName ?? '—'} · ${source.kind} · ${source.encoding} · ${formatSize(source.bytes)}`}
      </dd>
      {canReadAs(source) && (
        <>
          <dt>Read as</dt>
          <dd>
            <ReadAs source={source} readAs={props.readAs} onDone={props.onReadAs} />
          </dd>
        </>
      )}
      <dt>Passages</dt>
      {/* The source's count: its passages may not all have come yet (the reader's quick first reply). */}
      <dd>{source.passages.toLocaleString()}</dd>
      {source.tags.length > 0 && (
        <>
          <dt>Tags</dt>
          <dd>
            <TagList tags={source.tags} />
          </dd>
        </>
      )}
    </dl>
  );
}
