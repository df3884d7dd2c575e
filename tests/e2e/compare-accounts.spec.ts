import { expect, fixture, test } from './fixtures';

test('compares two differently written accounts sentence by sentence, and keeps both ends of a pair in view', async ({ page, library }) => {
  await library.importFiles([fixture('accounts-a.md'), fixture('accounts-b.md')]);
  await expect(library.rows).toHaveCount(2);
  await library.results.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('combobox', { name: 'Source A' }).selectOption({ label: 'The Moscow trials' });
  await page.getByRole('combobox', { name: 'Source B' }).selectOption({ label: "Stalin's show trials, 1936–1938" });
  const summary = page.getByRole('status', { name: 'Comparison summary' });
  await expect(summary).toContainText('pairs');
  // A plausible share: most of both accounts, not all of either.
  const [a, b] = (/(\d+)% of A and (\d+)% of B shared/.exec((await summary.textContent())!) ?? []).slice(1).map(Number);
  expect(a).toBeGreaterThan(50);
  expect(a).toBeLessThan(100);
  expect(b).toBeGreaterThan(50);
  await expect(summary).toContainText('Same events: A ¶3–5 ⇆ B ¶2–6');
  await expect(summary.getByRole('list', { name: 'Claims in paired sentences' })).toContainText(/A 18 \(executed\) · B 18 \(executed\)/);

  const paneA = page.getByRole('region', { name: /^Source A/ });
  const paneB = page.getByRole('region', { name: /^Source B/ });
  // The trial of the Sixteen: one paragraph of A, three of B, each paired with a sentence of it.
  await expect(paneA.getByRole('article', { name: /^A passage 5, pairs \d+, \d+, \d+$/ })).toBeVisible();
  for (const n of [4, 5, 6]) await expect(paneB.getByRole('article', { name: new RegExp(`^B passage ${n}, pair \\d+$`) })).toHaveCount(1);
  // Headings, the image, the links and the references are not paired.
  await expect(paneA.getByRole('article', { name: /^A passage 2, not compared$/ })).toHaveCount(1);
  for (const n of [12, 13, 14, 15, 16, 17, 18, 19]) await expect(paneA.getByRole('article', { name: `A passage ${n}, not compared` })).toHaveCount(1);
  await expect(paneA.getByRole('article', { name: /^A passage 17, / })).not.toContainText('#');
  await expect(paneA.getByRole('article', { name: /^A passage 4,/ })).toHaveAttribute('aria-label', 'A passage 4, only in A');

  // Next pair brings both of its ends into view, level with each other.
  await page.setViewportSize({ width: 1024, height: 560 });
  const level = async () => {
    const k = await page.locator('.pair-mark.current').first().getAttribute('data-pair');
    const box = async (pane: typeof paneA) => {
      const [p, m] = await Promise.all([pane.boundingBox(), pane.locator(`mark[data-pair="${k}"]`).boundingBox()]);
      expect(m!.y).toBeGreaterThanOrEqual(p!.y);
      expect(m!.y).toBeLessThan(p!.y + p!.height);
      return m!.y;
    };
    const ya = await box(paneA);
    const yb = await box(paneB);
    expect(Math.abs(ya - yb)).toBeLessThanOrEqual(3);
  };
  const next = page.getByRole('button', { name: '↓ Next pair' });
  for (let i = 0; i < 7; i++) {
    await next.click();
    await expect(page.locator('.pair-mark.current')).toHaveCount(2);
    await level();
  }
  await page.screenshot({ path: test.info().outputPath('compare-accounts-pair-1024.png') });

  // With no pair in view (A's "See also" and references), scrolling A still moves B.
  await paneA.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const bottom = await paneB.evaluate((el) => el.scrollTop);
  await paneA.evaluate((el) => el.scrollBy(0, -120));
  await expect.poll(() => paneB.evaluate((el) => el.scrollTop)).not.toBe(bottom);
  await page.screenshot({ path: test.info().outputPath('compare-accounts-1024.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: test.info().outputPath('compare-accounts-1440.png') });
});
