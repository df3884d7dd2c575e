import { useEffect, useMemo, useRef, useState } from 'react';
import type { CslItem } from '../../../shared/csl';
import type { CitationPreview } from '../../../shared/types';
import { api, messageOf } from '../api';
import { latestOnly } from './useRequest';

/** How long the form is left still before it is cited again: typing a word asks once. */
const QUIET_MS = 300;

/**
 * The metadata dialog's item as the project's style cites it, asked again once typing
 * pauses; a reply to an older item than the latest is dropped. A problem (a date that is not
 * EDTF) is shown instead of the citation.
 */
export function useCitationPreview(csl: CslItem | null) {
  const [preview, setPreview] = useState<CitationPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const requests = useRef(latestOnly());
  const key = useMemo(() => (csl ? JSON.stringify(csl) : null), [csl]);
  useEffect(() => {
    if (key === null) return;
    const current = requests.current.begin();
    const timer = setTimeout(() => {
      api
        .previewCitation({ csl: JSON.parse(key) as CslItem })
        .then((p) => {
          if (!current()) return;
          setPreview(p);
          setProblem(null);
        })
        .catch((err: unknown) => {
          if (current()) setProblem(messageOf(err));
        });
    }, QUIET_MS);
    return () => clearTimeout(timer);
  }, [key]);
  useEffect(() => () => requests.current.drop(), []);
  return { preview, problem };
}
