import { describe, expect, it } from 'vitest';
import { titleTells } from '../../src/shared/titles';

const row = (id: number, title: string, more: { origin?: string; fileName?: string; date?: string; author?: string } = {}) => ({
  id,
  title,
  origin: more.origin ?? null,
  fileName: more.fileName ?? null,
  date: more.date ?? null,
  author: more.author ?? null,
});

describe('titles that collide in the library', () => {
  it('are told apart by the host of their origin, else the file name, else the date or author', () => {
    const tells = titleTells([
      row(1, 'Gulag', { origin: 'https://en.wikipedia.org/wiki/Gulag', fileName: 'gulag.html' }),
      row(2, ' gulag', { origin: 'https://www.britannica.com/topic/Gulag', fileName: 'gulag.html' }),
      row(3, 'Gulag', { origin: 'https://en.wikipedia.org/wiki/Gulag_(1995)', fileName: 'gulag-1995.html' }),
      row(4, 'The Great Terror', { origin: 'https://en.wikipedia.org/wiki/Great_Purge' }),
      row(5, 'Notes', { date: '1937' }),
      row(6, 'Notes', { date: '1938' }),
      row(7, 'Report', { author: 'NKVD' }),
      row(8, 'Report', { author: 'NKVD' }),
    ]);
    expect(Object.fromEntries(tells)).toEqual({
      1: 'en.wikipedia.org · gulag.html',
      2: 'britannica.com',
      3: 'en.wikipedia.org · gulag-1995.html',
      5: '1937',
      6: '1938',
      // Nothing tells them apart but their number.
      7: '#7',
      8: '#8',
    });
  });
});
