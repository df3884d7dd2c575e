/**
 * The first screen's data, asked for as soon as the window's script runs: the project's
 * details, the library's newest rows, the whole list and its tags go out together before
 * React's first render, not from effects after it (one round trip less, and none waiting for
 * the first paint). Each is taken once, by the hook that shows it; later reads ask the API
 * as usual.
 *
 * The newest rows come first and small: a project of 10,000 sources lists in about 2.8 MB of
 * JSON, which takes the window over half a second to receive and read, so the library shows
 * its first screen from this reply and the whole list when it comes (`useLibrary`). The
 * window's first render waits for that reply a little (`firstScreen`), so that it is drawn
 * once, with rows, rather than empty and then again.
 */
import type { ProjectInfo, SourceSummary, TagCount } from '../../shared/types';
import { api, needsToken } from './api';

/** How many sources the first reply carries: more rows than the tallest window shows. */
export const NEWEST_ROWS = 80;

export interface NewestSources {
  sources: SourceSummary[];
  total: number;
}

interface First {
  project?: Promise<ProjectInfo>;
  newest?: Promise<NewestSources>;
  sources?: Promise<SourceSummary[]>;
  tags?: Promise<TagCount[]>;
}

/** A promise whose failure is also handled here, so that one not taken yet is no unhandled rejection. */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

function ask(): First {
  const newest = quiet(api.listNewestSources({ limit: NEWEST_ROWS }));
  return {
    newest,
    project: quiet(api.getProject({})),
    // The whole list is asked for once the newest rows have come: asked for at once, the
    // service may serialise its 2.8 MB before it answers the small request.
    sources: quiet(
      newest.then(
        () => api.listSources({}),
        () => api.listSources({}),
      ),
    ),
    tags: quiet(api.listTags({})),
  };
}

const first: First = needsToken ? {} : ask();

/** The newest rows once they have come (read synchronously by the library's first render). */
let newestArrived: NewestSources | null = null;
void first.newest?.then((n) => (newestArrived = n)).catch(() => {});

/** The request made at start for `key`, the first time it is asked for; null after (ask the API). */
export function takeFirst<K extends keyof First>(key: K): First[K] | null {
  const p = first[key];
  delete first[key];
  return p ?? null;
}

/** The newest rows if they have come and nothing took them yet: the library's first state. */
export function newestRows(): NewestSources | null {
  return first.newest ? newestArrived : null;
}

/**
 * Resolves when the newest rows have come (or failed), or after `waitMs` at most: the first
 * render waits for them so as to draw the library once, with its rows.
 */
export function firstScreen(waitMs: number): Promise<void> {
  if (!first.newest) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, waitMs);
    void first.newest!.then(
      () => (clearTimeout(timer), resolve()),
      () => (clearTimeout(timer), resolve()),
    );
  });
}
