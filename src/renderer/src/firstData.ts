/**
 * The first screen's data, asked for as soon as the window's script runs: the project's
 * details, the library's list and its tags go out together before React's first render,
 * not from effects after it (one round trip less, and none waiting for the first paint).
 * Each is taken once, by the hook that shows it; later reads ask the API as usual.
 */
import type { ProjectInfo, SourceSummary, TagCount } from '../../shared/types';
import { api, needsToken } from './api';

interface First {
  project?: Promise<ProjectInfo>;
  sources?: Promise<SourceSummary[]>;
  tags?: Promise<TagCount[]>;
}

/** A promise whose failure is also handled here, so that one not taken yet is no unhandled rejection. */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

const first: First = needsToken ? {} : { project: quiet(api.getProject({})), sources: quiet(api.listSources({})), tags: quiet(api.listTags({})) };

/** The request made at start for `key`, the first time it is asked for; null after (ask the API). */
export function takeFirst<K extends keyof First>(key: K): First[K] | null {
  const p = first[key];
  delete first[key];
  return p ?? null;
}
