import type { SourceSummary } from '../../../shared/types';
import { collateChoice } from './cells';

/**
 * The library's way into Collate: the rows marked (Ctrl- or Shift-click), else the sources the
 * filter shows, when they are 2 to 10; else the choice is made in Collate.
 */
export function CollateButton(props: { sources: SourceSummary[]; marked: number[]; onCollate(ids: number[]): void }) {
  const ids = collateChoice(props.marked.length ? props.marked.map((id) => ({ id })) : props.sources);
  const what = props.marked.length ? 'the sources marked' : 'the sources the filter shows';
  return (
    <button
      type="button"
      onClick={() => props.onCollate(ids)}
      title={ids.length ? `Collate ${what}, word by word` : 'Choose 2 to 10 sources to collate, word by word (Ctrl-click rows to mark them)'}
    >
      {ids.length ? `Collate ${ids.length}` : 'Collate…'}
    </button>
  );
}
