import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class LibraryPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly filter: Locator;
  readonly tagFilter: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Sources' });
    this.rows = this.table.locator('.table-body').getByRole('row');
    this.filter = page.getByRole('searchbox', { name: 'Filter sources' });
    this.tagFilter = page.getByRole('combobox', { name: 'Filter by tag' });
    // A summary (a status), or an alert when a file failed.
    this.results = page.getByRole('status', { name: 'Import results' }).or(page.getByRole('alert', { name: 'Import results' }));
  }

  async importFiles(files: string[] | { name: string; mimeType: string; buffer: Buffer }[]) {
    await this.page.getByLabel('Choose files to import').first().setInputFiles(files);
  }

  /**
   * Imports one photographed or scanned page, opens it as `title`, and waits until its text is
   * recognised; resolves to the page image's pane.
   */
  async importRecognised(file: string, title: string): Promise<Locator> {
    await this.importFiles([file]);
    await expect(this.results).toContainText('1 imported');
    await this.open(title);
    const pane = this.page.getByRole('region', { name: 'Page image' });
    await expect(pane.getByRole('status')).toContainText('Text recognised', { timeout: 90_000 });
    return pane;
  }

  row(title: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('button', { name: title, exact: true }) });
  }

  async open(title: string) {
    await this.page.getByRole('button', { name: title, exact: true }).click();
  }

  async edit(title: string) {
    await this.page.getByRole('button', { name: `Edit ${title}`, exact: true }).click();
    return this.page.getByRole('dialog', { name: 'Edit source' });
  }

  async sortBy(column: string) {
    await this.page.getByRole('columnheader', { name: column }).getByRole('button').click();
  }

  async titles(): Promise<string[]> {
    return this.rows.locator('.title-cell button').allTextContents();
  }
}
