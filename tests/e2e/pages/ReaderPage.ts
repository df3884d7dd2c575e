import type { Locator, Page } from '@playwright/test';

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

  passage(n: number): Locator {
    return this.region.getByRole('article', { name: `Passage ${n}`, exact: true });
  }

  current(): Locator {
    return this.region.locator('article[aria-current="true"]');
  }
}
