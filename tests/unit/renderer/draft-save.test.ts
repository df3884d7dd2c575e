// @vitest-environment happy-dom
/**
 * The note editor's draft: saved a moment after typing stops, at once when focus leaves, and
 * when the editor goes or the window closes, always through the latest save function; a
 * parent drawn again with a new save function does not save early.
 */
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Imported by a path the type-check does not follow: the renderer is checked as a project of its own, with the DOM and JSX.
const modulePath = '../../../src/renderer/src/notes/useDraftSave';
interface Draft {
  state: 'saved' | 'saving' | 'unsaved';
  edit(body: string): void;
  flush(): Promise<void>;
}
const { useDraftSave, SAVE_AFTER_MS } = (await import(/* @vite-ignore */ modulePath)) as {
  useDraftSave(saved: string | null, onSave: (body: string) => Promise<void> | void): Draft;
  SAVE_AFTER_MS: number;
};

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const dom = globalThis as unknown as {
  document: { createElement(tag: string): object };
  window: { dispatchEvent(e: unknown): boolean };
  Event: new (type: string) => unknown;
};

let unmount: (() => void) | null = null;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  unmount?.();
  unmount = null;
  vi.useRealTimers();
});

/** Renders the hook; `latest` is what it returned last, `draw` draws it again with another save function. */
function renderDraft(saved: string | null, onSave: (body: string) => void) {
  const seen: Draft[] = [];
  function Probe(props: { onSave(body: string): void }) {
    seen.push(useDraftSave(saved, props.onSave));
    return null;
  }
  const root = createRoot(dom.document.createElement('div') as never);
  act(() => root.render(createElement(Probe, { onSave })));
  unmount = () => act(() => root.unmount());
  return {
    draw: (next: (body: string) => void) => act(() => root.render(createElement(Probe, { onSave: next }))),
    get latest() {
      return seen[seen.length - 1]!;
    },
  };
}

describe('useDraftSave', () => {
  it('saves the last text once typing has stopped for a moment', async () => {
    const onSave = vi.fn();
    const draft = renderDraft('stored', onSave);
    act(() => draft.latest.edit('a'));
    act(() => draft.latest.edit('ab'));
    expect(draft.latest.state).toBe('unsaved');
    await act(async () => vi.advanceTimersByTime(SAVE_AFTER_MS - 1));
    expect(onSave).not.toHaveBeenCalled();
    await act(async () => vi.advanceTimersByTime(1));
    expect(onSave.mock.calls).toEqual([['ab']]);
    expect(draft.latest.state).toBe('saved');
  });

  it('an edit back to the stored text with nothing pending is no change', async () => {
    const onSave = vi.fn();
    const draft = renderDraft('stored', onSave);
    act(() => draft.latest.edit('stored'));
    await act(async () => vi.advanceTimersByTime(SAVE_AFTER_MS * 2));
    expect(onSave).not.toHaveBeenCalled();
    expect(draft.latest.state).toBe('saved');
  });

  it('saves at once when focus leaves, and not again when the moment has passed', async () => {
    const onSave = vi.fn();
    const draft = renderDraft(null, onSave);
    act(() => draft.latest.edit('x'));
    await act(() => draft.latest.flush());
    expect(onSave.mock.calls).toEqual([['x']]);
    await act(async () => vi.advanceTimersByTime(SAVE_AFTER_MS * 2));
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('a parent drawn again does not save early; the editor going saves through the latest save function', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const draft = renderDraft(null, first);
    act(() => draft.latest.edit('draft'));
    draft.draw(second);
    draft.draw(second);
    expect(first).not.toHaveBeenCalled();
    expect(second).not.toHaveBeenCalled();
    unmount!();
    unmount = null;
    expect(first).not.toHaveBeenCalled();
    expect(second.mock.calls).toEqual([['draft']]);
    // Nothing is left to save when the moment passes.
    await act(async () => vi.advanceTimersByTime(SAVE_AFTER_MS * 2));
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('saves what is pending when the window closes or reloads', async () => {
    const onSave = vi.fn();
    const draft = renderDraft(null, onSave);
    act(() => draft.latest.edit('closing'));
    await act(async () => void dom.window.dispatchEvent(new dom.Event('beforeunload')));
    expect(onSave.mock.calls).toEqual([['closing']]);
  });

  it('with nothing pending, the editor going saves nothing', () => {
    const onSave = vi.fn();
    renderDraft('stored', onSave);
    unmount!();
    unmount = null;
    expect(onSave).not.toHaveBeenCalled();
  });
});
