// @vitest-environment happy-dom
/**
 * The events panel over a real project: the API calls go through the same validating
 * boundary as the app's.
 */
import { createElement } from 'react';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import type { Workbench } from '../../../src/main/workbench';
import { bytes, tempWorkbench } from '../helpers';

const bench = vi.hoisted(() => ({ wb: null as Workbench | null }));
vi.mock('../../../src/renderer/src/api', () => ({
  api: new Proxy(
    {},
    {
      get: (_, method: string) => async (input: unknown) => {
        const reply = await dispatch(bench.wb!, method, input);
        if (!reply.ok) throw new Error(reply.error.message);
        return reply.value;
      },
    },
  ),
  messageOf: (err: unknown) => (err instanceof Error ? err.message : String(err)),
}));

// Imported by a path the type-check does not follow: the renderer is checked as a project of its own, with the DOM and JSX.
const panelPath = '../../../src/renderer/src/claims/EventsPanel';
const { EventsPanel } = (await import(/* @vite-ignore */ panelPath)) as { EventsPanel: (props: { onChanged(): void }) => null };

/** The little of the DOM used here (the node project is type-checked without the DOM library). */
interface Node {
  textContent: string | null;
  innerHTML: string;
  value: string;
  querySelector(selector: string): Node | null;
  querySelectorAll(selector: string): ArrayLike<Node>;
  append(child: Node): void;
  click(): void;
  dispatchEvent(event: unknown): boolean;
}
const dom = globalThis as unknown as {
  document: { body: Node; createElement(tag: string): Node };
  Event: new (type: string, init?: { bubbles?: boolean }) => unknown;
  HTMLInputElement: { prototype: object };
  HTMLSelectElement: { prototype: object };
};
const document = dom.document;

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
  document.body.innerHTML = '';
});

async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
}

async function mount(onChanged: () => void) {
  const el = document.createElement('div');
  document.body.append(el);
  const root = createRoot(el as never);
  await act(async () => root.render(createElement(EventsPanel, { onChanged })));
  unmount = () => act(() => root.unmount());
  await settle();
  return el;
}

/** Sets a field's value as typing or choosing does, so that React sees the change. */
function setValue(input: Node, value: string) {
  const select = input instanceof (dom.HTMLSelectElement as unknown as new () => Node);
  const proto = select ? dom.HTMLSelectElement.prototype : dom.HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
  input.dispatchEvent(new dom.Event(select ? 'change' : 'input', { bubbles: true }));
}

const button = (root: Node, text: string) => Array.from(root.querySelectorAll('button')).find((b) => b.textContent === text)!;

describe('the events panel', () => {
  it('lists the events, renames one in place and merges several into a chosen label', async () => {
    const { wb } = tempWorkbench();
    bench.wb = wb;
    for (const [name, text] of [
      ['a.txt', 'During the Great Purge 681,692 people were executed in 1937 and 1938.'],
      ['b.txt', 'The Great Terror of 1937–38 saw 681,692 people executed.'],
      ['c.txt', 'During the Great Terror, 1,548,366 people were arrested.'],
      ['d.txt', 'In the Purges some 750,000 people were executed.'],
    ])
      await wb.importFile({ name: name!, bytes: bytes(text!) });
    const onChanged = vi.fn();
    const el = await mount(onChanged);
    const rows = () => Array.from(el.querySelectorAll('.event-row')).map((r) => r.querySelector('.event-label')?.textContent);
    expect(rows()).toEqual(['Great Terror', 'Great Purge', 'Purges']);
    expect(el.textContent).toContain('2 claims · executed, arrested · 1937–1938');

    await act(async () => button(el, 'Rename…').click());
    const input = el.querySelector('input[aria-label="New label for Great Terror"]')!;
    await act(async () => setValue(input, 'Yezhovshchina'));
    await act(async () => button(el, 'Rename').click());
    await settle();
    expect(rows()).toEqual(['Yezhovshchina', 'Great Purge', 'Purges']);
    expect(el.textContent).toContain('Also named Great Terror');
    expect(onChanged).toHaveBeenCalledTimes(1);

    for (const label of ['Great Purge', 'Purges', 'Yezhovshchina']) {
      await act(async () => el.querySelector(`input[aria-label="Choose ${label} to merge"]`)!.click());
    }
    const merge = el.querySelector('form[aria-label="Merge events"]')!;
    expect(merge.textContent).toContain('Merge 3 events into…');
    await act(async () => setValue(merge.querySelector('select')!, 'Great Purge'));
    await act(async () => button(el, 'Merge').click());
    await settle();
    expect(rows()).toEqual(['Great Purge']);
    expect(el.textContent).toContain('Also named Great Terror, Purges, Yezhovshchina');
    expect(onChanged).toHaveBeenCalledTimes(2);
    expect((await wb.listClaims({})).map((c) => c.event)).toEqual(['Great Purge 1937', 'Great Purge 1937–38', 'Great Purge', 'Great Purge']);
  });

  it('shows why a rename was refused', async () => {
    const { wb } = tempWorkbench();
    bench.wb = wb;
    await wb.importFile({ name: 'a.txt', bytes: bytes('During the Great Purge 681,692 people were executed.') });
    const el = await mount(() => {});
    await act(async () => button(el, 'Rename…').click());
    await act(async () => setValue(el.querySelector('input[aria-label="New label for Great Purge"]')!, '1937'));
    await act(async () => button(el, 'Rename').click());
    await settle();
    expect(el.querySelector('[role="alert"]')?.textContent).toMatch(/"1937" is only years/);
  });
});
