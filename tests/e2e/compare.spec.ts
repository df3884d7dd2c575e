import { expect, fixture, test, docShot } from './fixtures';

test('sets two sources side by side: pairs, following scroll, a changed figure in the diff', { tag: '@docs' }, async ({ page, library }) => {
  await library.importFiles([fixture('align-base.txt'), fixture('align-edited.txt')]);
  await expect(library.rows).toHaveCount(2);
  await library.results.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('combobox', { name: 'Source A' }).selectOption({ label: 'align-base' });
  await page.getByRole('combobox', { name: 'Source B' }).selectOption({ label: 'align-edited' });
  const summary = page.getByRole('status', { name: 'Comparison summary' });
  await expect(summary).toContainText('10 pairs');
  await expect(summary).toContainText('0 passages only in A · 1 only in B');
  const paneB = page.getByRole('region', { name: /^Source B/ });
  await expect(paneB.getByRole('article', { name: 'B passage 4, only in B' })).toBeVisible();
  // Claims side by side: the changed count of executions is flagged, the arrests both give alike are not.
  const groups = summary.getByRole('list', { name: 'Claims side by side' }).getByRole('listitem');
  await expect(groups.filter({ hasText: '(executed)' })).toContainText('the figures differ');
  await expect(groups.filter({ hasText: '(arrested)' })).toHaveCount(1);
  await expect(groups.filter({ hasText: '(arrested)' })).not.toContainText('the figures differ');

  // Scrolling A brings B along.
  await page.setViewportSize({ width: 1280, height: 520 });
  const paneA = page.getByRole('region', { name: /^Source A/ });
  const before = await paneB.evaluate((el) => el.scrollTop);
  await paneA.evaluate((el) => el.scrollBy(0, 600));
  await expect.poll(() => paneB.evaluate((el) => el.scrollTop)).toBeGreaterThan(before + 300);

  // The near-identical pair with the changed figure: its diff marks the numbers.
  await paneA.getByRole('article', { name: 'A passage 5, pair 5' }).click();
  const detail = page.getByRole('region', { name: 'Pair detail' });
  await expect(detail).toContainText('A ¶5 ⇆ B ¶6');
  await expect(detail.locator('del.num-change')).toHaveText('681,692');
  await expect(detail.locator('ins.num-change')).toHaveText('680,000');
  await page.setViewportSize({ width: 1280, height: 800 });
  await docShot(page, 'compare');

  await page.getByRole('button', { name: '↓ Next pair' }).click();
  await expect(detail).toContainText('Pair #6');
});
