import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/shared/duration';
import { foundSummary } from '../../src/shared/searchSummary';

type Found = Parameters<typeof foundSummary>[0];
const result = (found: Found['found'], sources: number): Found => ({
  found,
  facets: { sources: Array.from({ length: sources }, (_, i) => ({ id: i + 1, title: `S${i}`, count: 1 })), tags: [] },
});

describe('durations', () => {
  it('are whole milliseconds below a second, seconds above', () => {
    expect(formatDuration(10.855800999997882)).toBe('11 ms');
    expect(formatDuration(0.4)).toBe('<1 ms');
    expect(formatDuration(0)).toBe('<1 ms');
    expect(formatDuration(999.4)).toBe('999 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(12_600)).toBe('13 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('what a search found', () => {
  it('names the kinds found and counts the sources they come from', () => {
    expect(foundSummary(result([{ kind: 'claim', count: 15, capped: false }], 4))).toBe('15 claims in 4 sources');
    expect(foundSummary(result([{ kind: 'passage', count: 1, capped: false }], 1))).toBe('1 passage in 1 source');
    expect(
      foundSummary(
        result(
          [
            { kind: 'passage', count: 1204, capped: false },
            { kind: 'note', count: 2, capped: false },
          ],
          3,
        ),
      ),
    ).toBe('1,204 passages and 2 notes in 3 sources');
    expect(
      foundSummary(
        result(
          [
            { kind: 'passage', count: 5000, capped: true },
            { kind: 'note', count: 0, capped: false },
            { kind: 'claim', count: 1, capped: false },
          ],
          120,
        ),
      ),
    ).toBe('5,000+ passages and 1 claim in 120+ sources');
  });

  it('says what was searched for when nothing was found', () => {
    expect(
      foundSummary(
        result(
          [
            { kind: 'passage', count: 0, capped: false },
            { kind: 'note', count: 0, capped: false },
          ],
          0,
        ),
      ),
    ).toBe('No passages or notes found');
    expect(foundSummary(result([{ kind: 'claim', count: 0, capped: false }], 0))).toBe('No claims found');
    expect(foundSummary(result([], 0))).toBe('Nothing found');
  });
});
