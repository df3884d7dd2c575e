/** Every view says it is empty the same way: a title, one sentence, and an action where there is one. */
import { createElement } from 'react';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

// A .tsx module the node project does not compile: imported by path.
const modulePath = '../../../src/renderer/src/components/EmptyState';
const { EmptyState } = (await import(/* @vite-ignore */ modulePath)) as {
  EmptyState(props: { title: string; children: ReactNode; action?: ReactNode; compact?: boolean }): ReactNode;
};

const html = (props: { title: string; children: ReactNode; action?: ReactNode; compact?: boolean }) =>
  renderToStaticMarkup(createElement(EmptyState, props));

describe('EmptyState', () => {
  it('shows a title, one sentence and the action', () => {
    expect(
      html({
        title: 'No notes yet',
        children: 'Select words in the reader to write a note.',
        action: createElement('button', { type: 'button' }, 'Go to the library'),
      }),
    ).toBe(
      '<div class="empty empty-state" data-testid="empty-state"><h2>No notes yet</h2><p>Select words in the reader to write a note.</p>' +
        '<div class="empty-actions"><button type="button">Go to the library</button></div></div>',
    );
  });

  it('has no action row without an action, and a smaller heading in a sidebar', () => {
    expect(html({ title: 'No claims in this source', children: 'Select a sentence that states a figure.', compact: true })).toBe(
      '<div class="empty empty-state compact" data-testid="empty-state"><h3>No claims in this source</h3><p>Select a sentence that states a figure.</p></div>',
    );
  });
});
