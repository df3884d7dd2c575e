import fs from 'node:fs';
import { expect, fixture, test, docShot } from './fixtures';

test(
  'confirms two conflicting claims into one question and compares them in the range chart',
  { tag: '@docs' },
  async ({ page, library, reader }) => {
    await library.importFiles([fixture('claims-a.md'), fixture('claims-b.md')]);
    await library.results.getByRole('button', { name: 'Dismiss' }).click();

    // The reader marks the suggested claim and lists it in the Claims tab.
    await library.open('Archival figures (test text)');
    await expect(reader.region.locator('.claim-mark')).toHaveText(['681,692 people were executed']);
    await page.getByRole('tab', { name: /Claims/ }).click();
    const panel = page.getByRole('complementary', { name: 'Claims' });
    await expect(panel).toContainText('681,692');
    await expect(panel).toContainText('suggested');
    await panel.getByRole('button', { name: 'Confirm' }).click();
    await expect(panel.locator('.claim-status')).toHaveText('confirmed');

    // The other source: correct its suggestion (a hedged million) and confirm it.
    await page.getByRole('button', { name: '← Library' }).click();
    await library.open('An earlier estimate (test text)');
    await page.getByRole('tab', { name: /Claims/ }).click();
    await panel.getByRole('button', { name: 'Correct…' }).click();
    const form = panel.getByRole('form', { name: 'Correct claim' });
    await expect(form.getByLabel('From')).toHaveValue('1000000');
    await expect(form.getByLabel('Hedged (about, roughly…)')).toBeChecked();
    await form.getByLabel('To').fill('1,200,000');
    await form.getByRole('button', { name: 'Save and confirm' }).click();
    await expect(panel).toContainText('~1 million–1.2 million');

    // Evidence: the proposed question groups both; accept it and compare.
    await page.getByRole('button', { name: 'Evidence', exact: true }).click();
    const proposals = page.getByRole('region', { name: 'Proposed questions' });
    await expect(proposals).toContainText('Great Purge: number executed (2 claims)');
    await proposals.getByRole('button', { name: 'Accept' }).click();
    const chart = page.getByRole('img', { name: /Range chart of 2 claims/ });
    await expect(chart).toBeVisible();
    await expect(chart.getByRole('button')).toHaveCount(2);
    // Each mark carries its value; each source its author and year.
    await expect(chart.locator('text.value')).toHaveText(['681,692', '~1–1.2M']);
    await expect(chart).toContainText('Test Author A, 1993');
    await expect(page.getByLabel('Summary')).toContainText('Span 681,692–1.2 million');
    const table = page.locator('.evidence-table');
    await expect(table).toContainText('Test Author A');
    await expect(table).toContainText('Test Author B');
    await table.getByRole('button', { name: 'Prefer…' }).first().click();
    await page.getByLabel('Why this value is preferred').fill('archival count');
    await page.getByLabel('Why this value is preferred').press('Enter');
    await expect(table).toContainText('★ preferred');
    await docShot(page, 'evidence');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV', exact: true }).click();
    const csv = fs.readFileSync(await (await downloading).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'question,source,author,date,measure,low,high,unit,approx,status,preferred,preferred_reason,event,passage,quote,link,url,accessed',
    );
    expect(csv).toContain('Archival figures (test text),Test Author A,1993,executed,681692,681692,people,false,confirmed,true,archival count');

    // A quote in the table opens the reader at the claim.
    await table.getByRole('button', { name: /681,692 people were executed/ }).click();
    await expect(reader.title).toHaveText('Archival figures (test text)');
    await expect(page.getByRole('complementary', { name: 'Claims' })).toBeVisible();
  },
);

test('records a claim by hand from a selection', async ({ page, library, reader }) => {
  await library.importFiles([fixture('article.html')]);
  await library.open('Counting the Victims of 1937');
  const panel = page.getByRole('complementary', { name: 'Claims' });
  // Words with no figure cannot be a claim: the reason is shown.
  await reader.select(2, 'Historians have argued');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Claim' }).click();
  await expect(panel.getByRole('alert')).toContainText('No figure was found');
  // A figure the extractor left (no measure word): recorded by hand, confirmed, then corrected.
  await reader.select(5, 'at least 750,000');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Claim' }).click();
  const claim = panel.getByRole('listitem', { name: /at least 750,000/ });
  await expect(claim).toContainText('confirmed');
  await claim.getByRole('button', { name: 'Correct…' }).click();
  await panel.getByRole('form', { name: 'Correct claim' }).getByLabel('Measure').selectOption('executed');
  await panel.getByRole('button', { name: 'Save and confirm' }).click();
  await expect(panel.getByRole('listitem', { name: 'Claim: at least 750,000 executed' })).toBeVisible();
});
