import { useState } from 'react';
import type { ReplaceTextResult, SourceSummary } from '../../../shared/types';
import { useShortcuts } from '../app/useShortcuts';
import { keyed } from '../shortcuts';
import { mergeProblem } from './mergeMarked';
import { MergeMarkedDialog } from './MergeMarkedDialog';

/**
 * The library's "Merge N…": photographs of one document imported as several sources become one.
 * Shown once two or more sources are marked; disabled, saying why, unless all are page images.
 */
export function MergeMarkedButton(props: { sources: SourceSummary[]; onMerged(result: ReplaceTextResult, merged: number): void }) {
  const [open, setOpen] = useState(false);
  const problem = mergeProblem(props.sources);
  useShortcuts('library', { mergeMarked: () => (problem ? false : setOpen(true)) });
  if (props.sources.length < 2) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} disabled={!!problem} {...keyed('library', 'mergeMarked', problem ?? undefined)}>
        Merge {props.sources.length}…
      </button>
      {open && !problem && (
        <MergeMarkedDialog
          sources={props.sources}
          onClose={() => setOpen(false)}
          onMerged={(result, merged) => {
            setOpen(false);
            props.onMerged(result, merged);
          }}
        />
      )}
    </>
  );
}
