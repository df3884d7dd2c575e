import { describe, expect, it } from 'vitest';
import { inShownOrder, mergedMessage, mergeProblem, moved } from '../../../src/renderer/src/image/mergeMarked';

describe('merging marked sources', () => {
  it('needs two or more photographed or scanned sources, and names one that is not', () => {
    expect(mergeProblem([{ title: 'Page 1', format: 'image' }])).toMatch(/two or more/);
    expect(
      mergeProblem([
        { title: 'Page 1', format: 'image' },
        { title: 'Report', format: 'pdf' },
      ]),
    ).toBe('“Report” is not photographed or scanned: only page images can be merged into one source');
    expect(mergeProblem([{ title: 'Page 1', format: 'image' }, { title: 'Old row' }])).toMatch(/“Old row” is not/);
    expect(
      mergeProblem([
        { title: 'Page 1', format: 'image' },
        { title: 'Page 2', format: 'image' },
      ]),
    ).toBeNull();
  });

  it('moves one source a place, and leaves the ends as they are', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    const list = ['a', 'b'];
    moved(list, 0, 1);
    expect(list).toEqual(['a', 'b']);
  });

  it('says what the merge did, and what could not follow', () => {
    expect(mergedMessage('Letter', 3, 0)).toBe('“Letter” now holds the pages of the 3 sources, in the order chosen.');
    expect(mergedMessage('Letter', 2, 1)).toMatch(/ 1 annotation could not be placed again\.$/);
  });

  it('keeps the order the library shows, then the marked sources the filter hides', () => {
    const sources = [1, 2, 3, 4].map((id) => ({ id }));
    const visible = [{ id: 3 }, { id: 1 }];
    expect(inShownOrder({ visible, sources }, [1, 2, 3]).map((s) => s.id)).toEqual([3, 1, 2]);
    expect(inShownOrder({ visible, sources }, [4])).toEqual([{ id: 4 }]);
  });
});
