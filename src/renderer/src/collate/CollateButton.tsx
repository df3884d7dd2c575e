import type { SourceSummary } from '../../../shared/types';
import { collateChoice } from './cells';

/** The library's way into Collate: the sources the filter shows, when they are 2 to 10; else the choice is made in Collate. */
export function CollateButton(props: { sources: SourceSummary[]; onCollate(ids: number[]): void }) {
  const ids = collateChoice(props.sources);
  return (
    <button
      type="button"
      onClick={() => props.onCollate(ids)}
      title={ids.length ? 'Collate the sources the filter shows, word by word' : 'Choose 2 to 10 sources to collate, word by word'}
    >
      {ids.length ? `Collate ${ids.length}` : 'Collate…'}
    </button>
  );
}
