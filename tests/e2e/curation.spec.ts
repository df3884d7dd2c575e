import { expect, fixture, test, docShot } from './fixtures';

test(
  'curates a proposal from the Evidence view: preview, accept some, warnings, correct, move, review by keyboard',
  { tag: '@docs' },
  async ({ page, library, reader }) => {
    await library.importFiles([fixture('claims-a.md'), fixture('claims-b.md'), fixture('claims-c.md')]);
    await library.results.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('button', { name: 'Evidence', exact: true }).click();

    // A second question to move claims to.
    await page.getByLabel('New question').fill('Executions, 1921–1953');
    await page.getByLabel('New question').press('Enter');

    // Preview: every claim the proposal gathers, each in its sentence, with its period.
    const proposals = page.getByRole('region', { name: 'Proposed questions' });
    await proposals.getByRole('button', { name: 'Preview Great Purge: number executed' }).click();
    const preview = page.getByRole('region', { name: 'Proposal preview' });
    await expect(preview.locator('tbody tr')).toHaveCount(5);
    await expect(preview).toContainText('They cover different periods (1937–1938, 1921–1953)');
    await expect(preview.locator('mark', { hasText: '2 million people were executed' })).toBeVisible();
    await expect(preview).toContainText('A later memoir claims that');
    await preview.getByLabel('Include 2 million executed from A survey of the Terror (test text)').uncheck();
    await preview.getByLabel('Question').fill('How many were executed in the Great Purge?');
    await docShot(page, 'evidence-preview');
    await preview.getByRole('button', { name: 'Accept 4 selected' }).click();

    // The question: four claims; the one covering 1921–1953 is flagged.
    await expect(page.getByRole('heading', { name: 'How many were executed in the Great Purge?' })).toBeVisible();
    const table = page.locator('.evidence-table');
    await expect(table.locator('tbody tr')).toHaveCount(4);
    const wide = table.getByRole('row', { name: /799,455 executed/ });
    await expect(wide).toContainText('Covers 1921–1953; most figures here cover 1937–1938');
    await expect(page.getByLabel('Summary')).toContainText('1 claim does not fit the rest');
    await docShot(page, 'evidence-warnings');

    // Move it to the question it belongs to, in place.
    await wide.getByLabel('Move to question').selectOption({ label: 'Executions, 1921–1953' });
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await expect(page.getByLabel('Summary')).not.toContainText('does not fit');
    await expect(page.getByRole('button', { name: /Executions, 1921–1953 \(1\)/ })).toBeVisible();

    // Correct a value in place: the hedged million becomes a range.
    const million = table.getByRole('row', { name: /1 million executed/ });
    await million.getByRole('button', { name: 'Correct…' }).click();
    const form = page.getByRole('form', { name: 'Correct claim' });
    await form.getByLabel('To').fill('1,200,000');
    await form.getByRole('button', { name: 'Save and confirm' }).click();
    await expect(table.getByRole('row', { name: /1 million–1.2 million executed/ })).not.toContainText('unconfirmed');

    // Review the rest by keyboard: confirm one, reject the next.
    await page.getByRole('button', { name: 'Review 2 unconfirmed' }).click();
    const review = page.getByRole('dialog', { name: /Review: How many were executed/ });
    await expect(review).toContainText('1 of 2');
    await expect(review.locator('mark')).toHaveText('681,692 people were executed');
    await expect(review).toContainText('During the Great Purge, NKVD records show that');
    await docShot(page, 'evidence-review');
    await review.press('c');
    await expect(review).toContainText('2 of 2 · 1 confirmed');
    await expect(review.locator('mark')).toHaveText('some 680,000 people were executed');
    await expect(review).toContainText('1937–1938');
    await review.press('x');
    await expect(review).toContainText('All 2 reviewed: 1 confirmed, 1 rejected');
    await review.press('Escape');
    await expect(review).toBeHidden();
    await expect(table.locator('tbody tr')).toHaveCount(2);
    await expect(page.getByRole('button', { name: /Review \d+ unconfirmed/ })).toHaveCount(0);

    // Preferred, with a reason; the quote opens the reader at its passage.
    await table
      .getByRole('row', { name: /681,692 executed/ })
      .getByRole('button', { name: 'Prefer…' })
      .click();
    await page.getByLabel('Why this value is preferred').fill('archival count');
    await page.getByLabel('Why this value is preferred').press('Enter');
    await expect(table).toContainText('★ preferred');
    await table.getByRole('button', { name: /681,692 people were executed/ }).click();
    await expect(reader.title).toHaveText('Archival figures (test text)');
  },
);

test('reviews a source’s suggestions from the reader, editing one by keyboard', async ({ page, library }) => {
  await library.importFiles([fixture('claims-c.md')]);
  await library.open('A survey of the Terror (test text)');
  await page.getByRole('tab', { name: /Claims/ }).click();
  const panel = page.getByRole('complementary', { name: 'Claims' });
  await panel.getByRole('button', { name: 'Review 4 suggested' }).click();
  const review = page.getByRole('dialog', { name: 'Review: A survey of the Terror (test text)' });
  await expect(review).toContainText('1 of 4');
  await review.press('ArrowRight');
  await expect(review.locator('mark')).toHaveText('about 1.5 million people were arrested');
  await review.press('e');
  const form = review.getByRole('form', { name: 'Correct claim' });
  await form.getByLabel('First year').fill('1936');
  await form.getByRole('button', { name: 'Save and confirm' }).click();
  await expect(review).toContainText('Corrected and confirmed');
  await expect(review).toContainText('1936–1938');
  await review.press('ArrowLeft');
  await review.press('x');
  await expect(review).toContainText('1 rejected · 1 corrected');
  await review.press('Escape');
  await expect(panel.getByRole('listitem', { name: /1.5 million arrested/ })).toContainText('confirmed');
  await expect(panel.getByRole('button', { name: 'Review 2 suggested' })).toBeVisible();
});
