import { describe, expect, it } from 'vitest';
import { mergeTargets, movedOrder } from '../../../src/renderer/src/image/pageOrder';

describe('page order', () => {
  it('moves a page one place, and nowhere past the ends', () => {
    expect(movedOrder(3, 1, -1)).toEqual([2, 1, 3]);
    expect(movedOrder(3, 1, 1)).toEqual([1, 3, 2]);
    expect(movedOrder(3, 2, 1)).toBeNull();
    expect(movedOrder(3, 0, -1)).toBeNull();
  });

  it('offers only the other photographed sources to merge into, by title', () => {
    const sources = [
      { id: 1, title: 'Register, day two', format: 'image' },
      { id: 2, title: 'Typed notes', format: 'txt' },
      { id: 3, title: 'Register, day one', format: 'image' },
    ];
    expect(mergeTargets(sources, 1).map((s) => s.id)).toEqual([3]);
    expect(mergeTargets(sources, 2).map((s) => s.id)).toEqual([3, 1]);
  });
});
