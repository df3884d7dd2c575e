import { describe, expect, it } from 'vitest';
import { openLink } from '../../src/main/export/markdown';
import { parseOpenLink } from '../../src/shared/links';

const ID = '0b6f2c1e-5d4a-4c3b-9a2e-7f8d6c5b4a39';

describe('sourcebench:// links', () => {
  it('round-trip from export to the app, naming the project by its id', () => {
    const written = openLink(ID, { sourceId: 3, passage: 41, start: 5, end: 98 });
    expect(written).toBe(`sourcebench://open?project=${ID}&source=3&passage=41&start=5&end=98`);
    expect(parseOpenLink(written)).toEqual({ project: ID, sourceId: 3, passage: 41, start: 5, end: 98 });
  });

  it('still parse links from older exports, which carry a path', () => {
    const old = 'sourcebench://open?project=%2Fhome%2Fme%2FPurge+research.sourcebench&source=3&passage=41&start=5&end=98';
    expect(parseOpenLink(old)).toEqual({ project: '/home/me/Purge research.sourcebench', sourceId: 3, passage: 41, start: 5, end: 98 });
  });

  it('refuse anything else', () => {
    for (const bad of ['https://example.org/open?source=1', 'sourcebench://delete?source=1', 'sourcebench://open?source=abc', 'sourcebench://open', 'not a url']) {
      expect(parseOpenLink(bad)).toBeNull();
    }
  });
});
