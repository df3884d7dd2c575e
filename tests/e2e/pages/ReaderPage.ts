import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class ReaderPage {
  readonly region: Locator;
  readonly title: Locator;
  readonly text: Locator;
  readonly passages: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Reader' });
    this.title = this.region.getByRole('heading', { level: 1 });
    this.text = this.region.getByLabel('Source text');
    this.passages = this.region.getByRole('article');
  }

  /** Presses Export notes and resolves to the `count` files it downloads: suggested name → path on disk. */
  async exportNotes(count: number): Promise<Map<string, string>> {
    const files = new Map<string, string>();
    const all = new Promise<void>((resolve) => {
      this.page.on('download', async (d) => {
        files.set(d.suggestedFilename(), (await d.path())!);
        if (files.size === count) resolve();
      });
    });
    await this.page.getByRole('button', { name: 'Export notes' }).click();
    await all;
    return files;
  }

  passage(n: number): Locator {
    return this.region.getByRole('article', { name: `Passage ${n}`, exact: true });
  }

  /**
   * Selects `words` in passage n, as a mouse would, and releases the button; again if the
   * selection toolbar does not show (a re-render as the source's notes or claims arrive
   * replaces the text nodes, and the selection with them).
   */
  async select(n: number, words: string) {
    const toolbar = this.page.getByRole('toolbar', { name: 'Selection' });
    await expect(async () => {
      await this.selectOnce(n, words);
      await expect(toolbar).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 90_000 });
  }

  private async selectOnce(n: number, words: string) {
    const text = this.passage(n).locator('.passage-text');
    await text.evaluate((el, w) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let offset = el.textContent!.indexOf(w);
      if (offset < 0) throw new Error(`"${w}" is not in the passage`);
      const range = document.createRange();
      let startSet = false;
      let remaining = w.length;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const len = node.textContent!.length;
        if (!startSet) {
          if (offset < len) {
            range.setStart(node, offset);
            startSet = true;
            if (offset + remaining <= len) {
              range.setEnd(node, offset + remaining);
              break;
            }
            remaining -= len - offset;
          } else offset -= len;
        } else if (remaining <= len) {
          range.setEnd(node, remaining);
          break;
        } else remaining -= len;
      }
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    }, words);
    await text.dispatchEvent('mouseup');
  }

  highlights(): Locator {
    return this.region.locator('mark.hl');
  }

  current(): Locator {
    return this.region.locator('article[aria-current="true"]');
  }
}
