import { describe, expect, it } from 'vitest';
import { openLink } from '../../src/main/export/markdown';
import { parseOpenLink } from '../../src/shared/links';

describe('sourcebench:// links', () => {
  it('round-trip from export to the app', () => {
    const link = openLink('/home/me/Purge research.sourcebench', { sourceId: 3, passage: 41, start: 5, end: 98 });
    expect(link).toBe('sourcebench://open?project=%2Fhome%2Fme%2FPurge+research.sourcebench&source=3&passage=41&start=5&end=98');
    expect(parseOpenLink(link)).toEqual({ project: '/home/me/Purge research.sourcebench', sourceId: 3, passage: 41, start: 5, end: 98 });
  });

  it('refuse anything else', () => {
    for (const bad of ['https://example.org/open?source=1', 'sourcebench://delete?source=1', 'sourcebench://open?source=abc', 'sourcebench://open', 'not a url']) {
      expect(parseOpenLink(bad)).toBeNull();
    }
  });
});
