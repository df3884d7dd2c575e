// @vitest-environment happy-dom
/**
 * The renderer's stale-reply guard: a reply to an older request than the latest is dropped,
 * whatever order the replies come in. Replies are promises the test settles itself.
 */
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/renderer/src/api', () => ({ messageOf: (err: unknown) => (err instanceof Error ? err.message : String(err)) }));

// Imported by a path the type-check does not follow: the renderer is checked as a project of its own, with the DOM and JSX.
const modulePath = '../../../src/renderer/src/hooks/useRequest';
interface Request<T> {
  data: T;
  error: string | null;
  loading: boolean;
  reload(): Promise<void>;
}
const { latestOnly, useRequest } = (await import(/* @vite-ignore */ modulePath)) as {
  latestOnly(): { begin(): () => boolean; drop(): void };
  useRequest<T>(load: (() => Promise<T>) | null, initial: T, options?: { reset?: boolean }): Request<T>;
};

/** A reply the test sends when it wants. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('latestOnly', () => {
  it('only the latest request is current', () => {
    const requests = latestOnly();
    const first = requests.begin();
    expect(first()).toBe(true);
    const second = requests.begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
    requests.drop();
    expect(second()).toBe(false);
  });
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const dom = globalThis as unknown as { document: { createElement(tag: string): object } };

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

/** Renders the hook for a selection the test changes; `latest` is what it returned last. */
function renderRequest(replies: Map<string, Promise<string>>, options?: { reset?: boolean }) {
  const seen: Request<string>[] = [];
  const loads = new Map<string, () => Promise<string>>();
  const loadFor = (key: string | null) => {
    if (key === null) return null;
    if (!loads.has(key)) loads.set(key, () => replies.get(key)!);
    return loads.get(key)!;
  };
  function Probe(props: { selection: string | null }) {
    seen.push(useRequest(loadFor(props.selection), 'none', options));
    return null;
  }
  const root = createRoot(dom.document.createElement('div') as never);
  unmount = () => act(() => root.unmount());
  return {
    select: (selection: string | null) => act(() => root.render(createElement(Probe, { selection }))),
    get latest() {
      return seen[seen.length - 1]!;
    },
  };
}

describe('useRequest', () => {
  it('drops a slow reply for an earlier selection that arrives after the current one', async () => {
    const a = deferred<string>();
    const b = deferred<string>();
    const probe = renderRequest(
      new Map([
        ['a', a.promise],
        ['b', b.promise],
      ]),
    );
    await probe.select('a');
    expect(probe.latest.loading).toBe(true);
    await probe.select('b');
    await act(async () => b.resolve('reply for b'));
    expect(probe.latest.data).toBe('reply for b');
    expect(probe.latest.loading).toBe(false);
    // The reply for a comes last: it must not replace b's.
    await act(async () => a.resolve('reply for a'));
    expect(probe.latest.data).toBe('reply for b');
  });

  it('drops a stale failure too', async () => {
    const a = deferred<string>();
    const b = deferred<string>();
    const probe = renderRequest(
      new Map([
        ['a', a.promise],
        ['b', b.promise],
      ]),
    );
    await probe.select('a');
    await probe.select('b');
    await act(async () => b.resolve('reply for b'));
    await act(async () => a.reject(new Error('a failed')));
    expect(probe.latest.error).toBeNull();
    expect(probe.latest.data).toBe('reply for b');
  });

  it('keeps the reply for the current selection when it comes first', async () => {
    const a = deferred<string>();
    const b = deferred<string>();
    const probe = renderRequest(
      new Map([
        ['a', a.promise],
        ['b', b.promise],
      ]),
    );
    await probe.select('a');
    await act(async () => a.resolve('reply for a'));
    expect(probe.latest.data).toBe('reply for a');
    await probe.select('b');
    await act(async () => b.resolve('reply for b'));
    expect(probe.latest.data).toBe('reply for b');
  });

  it('with reset, shows nothing of the earlier selection while the new one loads', async () => {
    const a = deferred<string>();
    const b = deferred<string>();
    const probe = renderRequest(
      new Map([
        ['a', a.promise],
        ['b', b.promise],
      ]),
      { reset: true },
    );
    await probe.select('a');
    await act(async () => a.resolve('reply for a'));
    await probe.select('b');
    expect(probe.latest.data).toBe('none');
    await act(async () => b.resolve('reply for b'));
    expect(probe.latest.data).toBe('reply for b');
  });

  it('a selection of nothing drops the pending reply', async () => {
    const a = deferred<string>();
    const probe = renderRequest(new Map([['a', a.promise]]));
    await probe.select('a');
    await probe.select(null);
    await act(async () => a.resolve('reply for a'));
    expect(probe.latest.data).toBe('none');
    expect(probe.latest.loading).toBe(false);
  });

  it('shows the error of the current request', async () => {
    const a = deferred<string>();
    const probe = renderRequest(new Map([['a', a.promise]]));
    await probe.select('a');
    await act(async () => a.reject(new Error('no such source')));
    expect(probe.latest.error).toBe('no such source');
  });

  it('a reload supersedes the request before it', async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const replies = new Map([['a', first.promise]]);
    const probe = renderRequest(replies);
    await probe.select('a');
    replies.set('a', second.promise);
    await act(async () => void probe.latest.reload());
    await act(async () => second.resolve('fresh'));
    await act(async () => first.resolve('old'));
    expect(probe.latest.data).toBe('fresh');
  });
});
