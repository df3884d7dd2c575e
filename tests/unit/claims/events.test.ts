import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { isEventLabel } from '../../../src/main/claims/labels';
import type { Workbench } from '../../../src/main/workbench';
import { bytes, tempWorkbench } from '../helpers';

async function imported(wb: Workbench, name: string, text: string): Promise<number> {
  const out = await wb.importFile({ name, bytes: bytes(text) });
  if (out.status !== 'imported') throw new Error(`${name} was not imported`);
  return out.source.id;
}

async function labels(wb: Workbench): Promise<string[]> {
  return (await wb.listClaims({})).map((c) => c.event);
}

/** Three sources on the purge of 1937–38, under three labels. */
async function purgeProject() {
  const { wb } = tempWorkbench();
  await imported(wb, 'a.txt', 'During the Great Purge 681,692 people were executed in 1937 and 1938.');
  await imported(wb, 'b.txt', 'The Great Terror of 1937–38 saw 681,692 people executed.');
  await imported(wb, 'c.txt', 'During the Great Terror about one million people were executed.');
  return wb;
}

describe('events', () => {
  it('are listed with their claims, measures, years and aliases', async () => {
    const wb = await purgeProject();
    await imported(wb, 'd.txt', 'During the Great Terror, 1,548,366 people were arrested.');
    const events = await wb.listEvents();
    expect(events).toEqual([
      { label: 'Great Terror', claims: 3, measures: ['executed', 'arrested'], fromYear: 1937, toYear: 1938, aliases: [], named: true },
      { label: 'Great Purge', claims: 1, measures: ['executed'], fromYear: 1937, toYear: 1937, aliases: [], named: true },
    ]);
  });

  it('are renamed in every claim (the years a label ends with kept), and renamed back', async () => {
    const wb = await purgeProject();
    const renamed = await wb.renameEvent({ from: 'Great Terror', to: 'Yezhovshchina' });
    expect(renamed).toMatchObject({ label: 'Yezhovshchina', claims: 2, aliases: ['Great Terror'] });
    expect(await labels(wb)).toEqual(['Great Purge 1937', 'Yezhovshchina 1937–38', 'Yezhovshchina']);
    const back = await wb.renameEvent({ from: 'Yezhovshchina', to: 'Great Terror' });
    expect(back).toMatchObject({ label: 'Great Terror', aliases: ['Yezhovshchina'] });
    expect(await labels(wb)).toEqual(['Great Purge 1937', 'Great Terror 1937–38', 'Great Terror']);
    // The label given back is no alias any more: renaming twice leaves no loop.
    const db = new Database(wb.projectPath, { readonly: true });
    expect(db.prepare('SELECT alias_key, alias, event FROM event_alias').all()).toEqual([
      { alias_key: 'yezhovshchina', alias: 'Yezhovshchina', event: 'Great Terror' },
    ]);
    db.close();
  });

  it('are merged into a chosen label, in one step, and the merged labels remembered', async () => {
    const wb = await purgeProject();
    await imported(wb, 'd.txt', 'In the Purges 681,692 people were executed between 1937 and 1938.');
    const merged = await wb.mergeEvents({ events: ['Great Terror', 'Purges'], into: 'Great Purge' });
    expect(merged).toMatchObject({ label: 'Great Purge', claims: 4, measures: ['executed'], aliases: ['Great Terror', 'Purges'] });
    expect(await labels(wb)).toEqual(['Great Purge 1937', 'Great Purge 1937–38', 'Great Purge', 'Great Purge 1937']);
    expect((await wb.listEvents()).map((e) => e.label)).toEqual(['Great Purge']);
    // One transaction: an unknown event among them changes nothing.
    await expect(wb.mergeEvents({ events: ['Great Purge', 'Holodomor'], into: 'Purge' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('"Holodomor"'),
    });
    expect((await wb.listEvents()).map((e) => e.label)).toEqual(['Great Purge']);
  });

  it('apply their aliases to claims found later, on import and when a text is replaced', async () => {
    const wb = await purgeProject();
    await wb.mergeEvents({ events: ['Great Terror'], into: 'Great Purge' });
    const id = await imported(wb, 'd.txt', 'During the Great Terror, 1,548,366 people were arrested.');
    expect((await wb.listClaims({ sourceId: id })).map((c) => c.event)).toEqual(['Great Purge']);
    await wb.replaceSourceText({ id, name: 'd2.txt', bytes: bytes('In 1937 the Great Terror saw 1,548,366 people arrested.') });
    expect((await wb.listClaims({ sourceId: id })).map((c) => c.event)).toEqual(['Great Purge 1937']);
  });

  it('refuse an empty label, a label of years only and an unknown event with clear messages', async () => {
    const wb = await purgeProject();
    await expect(wb.renameEvent({ from: 'Holodomor', to: 'Great famine' })).rejects.toMatchObject({
      code: 'not_found',
      message: 'There is no event "Holodomor" in the claims',
    });
    await expect(wb.renameEvent({ from: 'Great Terror', to: '  ' })).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/needs a label/),
    });
    await expect(wb.renameEvent({ from: 'Great Terror', to: '1937–38' })).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/only years/),
    });
    await expect(wb.mergeEvents({ events: ['Great Terror'], into: 'great terror' })).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/Nothing to merge/),
    });
    for (const [method, payload] of [
      ['renameEvent', { from: '', to: 'x' }],
      ['renameEvent', { from: 'Great Terror' }],
      ['renameEvent', { from: 'Great Terror', to: 'x'.repeat(301) }],
      ['renameEvent', { from: 'Great Terror', to: 'x', extra: 1 }],
      ['mergeEvents', { events: [], into: 'x' }],
      ['mergeEvents', { events: ['Great Terror', ' '], into: 'x' }],
      ['mergeEvents', { events: 'Great Terror', into: 'x' }],
      ['listEvents', { all: true }],
    ] as const) {
      expect(await dispatch(wb, method, payload), `${method} ${JSON.stringify(payload)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
    expect((await wb.listEvents()).map((e) => e.label)).toEqual(['Great Terror', 'Great Purge']);
  });
});

describe('proposals across event labels', () => {
  it('propose one question for two labels that share a figure in other sources, with overlapping years', async () => {
    const wb = await purgeProject();
    const proposals = await wb.proposeQuestions();
    expect(proposals).toEqual([{ label: 'Great Terror: number executed', claimIds: expect.any(Array), events: ['Great Terror', 'Great Purge'] }]);
    expect(proposals[0]!.claimIds).toHaveLength(3);
  });

  it('keep labels apart that share no figure, a round figure only, or a figure of other years', async () => {
    const { wb } = tempWorkbench();
    await imported(wb, 'a.txt', 'During the Great Purge about one million people were executed.');
    await imported(wb, 'b.txt', 'During the Great Purge of 1937–38, 681,692 people were executed.');
    await imported(wb, 'c.txt', 'During the Great Terror about one million people were executed.');
    await imported(wb, 'd.txt', 'During the Great Terror some 750,000 people were executed.');
    await imported(wb, 'e.txt', 'In 1921 the Red Terror saw 681,692 people executed.');
    await imported(wb, 'f.txt', 'In 1921 the Red Terror saw 12,000 people executed.');
    const proposals = await wb.proposeQuestions();
    expect(proposals.map((p) => [p.label, p.events])).toEqual([
      ['Great Purge: number executed', ['Great Purge']],
      ['Great Terror: number executed', ['Great Terror']],
      ['Red Terror: number executed', ['Red Terror']],
    ]);
  });

  it('propose labels together once they are aliases', async () => {
    const { wb } = tempWorkbench();
    await imported(wb, 'a.txt', 'During the Great Purge about one million people were executed.');
    await wb.renameEvent({ from: 'Great Purge', to: 'Yezhovshchina' });
    await imported(wb, 'b.txt', 'During the Great Purge some 750,000 people were executed.');
    await imported(wb, 'c.txt', 'In the Yezhovshchina 681,692 people were executed.');
    expect((await wb.proposeQuestions()).map((p) => [p.label, p.claimIds.length])).toEqual([['Yezhovshchina: number executed', 3]]);
  });

  it('leave out labels that name no event: a list of places, heading words', async () => {
    const { wb } = tempWorkbench();
    await imported(wb, 'a.txt', 'Kiev, Kharkiv and Odessa\n\nIn these cities 12,345 people died.');
    await imported(wb, 'b.txt', 'Kiev, Kharkiv and Odessa\n\nIn these cities some 20,000 people died.');
    await imported(wb, 'c.txt', 'Death Toll Estimates\n\nIn these years 12,345 people died.');
    await imported(wb, 'd.txt', 'Death Toll Estimates\n\nIn these years some 20,000 people died.');
    expect(await wb.proposeQuestions()).toEqual([]);
    expect(await labels(wb)).toEqual(['', '', '', '']);
  });
});

describe('isEventLabel', () => {
  it('refuses footnote marks, lists of places, heading words and common words', () => {
    for (const junk of [
      'Kiev, Kharkiv and Odessa[3]',
      'Great Purge[12]',
      'Famine^3',
      'Holodomor²',
      'Kiev, Kharkiv and Odessa',
      'Poland and Ukraine',
      'Death Toll Estimates',
      'Number of Victims by Region',
      'Background',
      'Process',
      'Estimates of the',
      'How Many Died?',
      '1937',
      'How the Regime Counted Its Own Dead',
      'Counting the dead in the archives',
      'Counting the Victims of 1937',
      '',
    ]) {
      expect(isEventLabel(junk), junk).toBe(false);
    }
  });

  it('keeps event names, one-word names and event nouns', () => {
    for (const name of [
      'Great Purge',
      'Great Terror 1937–38',
      'Purges',
      'Holodomor',
      'Katyn',
      'Khmer Rouge',
      'Soviet famine of 1932–33',
      'Night of the Long Knives',
      'Great Purge: Moscow and Leningrad',
      'famine',
      'Kazakh famine',
      'Anti-Rightist Campaign',
      'Trial of the Sixteen',
      'Red Terror',
      'The Case of the Red Army Marshals 1937',
      'Rape of Nanking',
      'Nanjing',
      'Killing Fields',
    ]) {
      expect(isEventLabel(name), name).toBe(true);
    }
  });
});
