import { describe, expect, it } from 'vitest';
import { openLink } from '../../src/main/export/markdown';
import { CONFIRM_OPEN, confirmOpenOptions, linksFromArgv, protocolHandlerArgs, resolveOpenLink, unsafeLinkPath } from '../../src/main/links';
import type { KnownProject } from '../../src/main/paths';
import type { OpenLink } from '../../src/shared/links';
import { parseOpenLink } from '../../src/shared/links';
import { bytes, tempWorkbench } from './helpers';

const ID = '0b6f2c1e-5d4a-4c3b-9a2e-7f8d6c5b4a39';
const OTHER = '9f1e2d3c-4b5a-4968-8776-655443322110';
const CURRENT = { id: '11111111-2222-4333-8444-555555555555', path: '/home/me/Current.sourcebench' };
const known: KnownProject[] = [
  { path: '/home/me/Current.sourcebench', id: CURRENT.id },
  { path: '/home/me/Purge research.sourcebench', id: ID },
  { path: '/home/me/old.sourcebench' },
];
const link = (project: string | null): OpenLink => ({ project, sourceId: 3, passage: 41, start: 5, end: 98 });

describe('sourcebench:// links', () => {
  it('round-trip from export to the app, naming the project by its id', () => {
    const written = openLink(ID, { sourceId: 3, passage: 41, start: 5, end: 98 });
    expect(written).toBe(`sourcebench://open?project=${ID}&source=3&passage=41&start=5&end=98`);
    expect(parseOpenLink(written)).toEqual({ project: ID, sourceId: 3, passage: 41, start: 5, end: 98 });
  });

  it('name the source by its stable id once it has one', () => {
    const source = '5e0c7a11-0d4a-4b6e-9c1f-2a7d5e8b9c10';
    const written = openLink(ID, { sourceId: 3, sourceUuid: source, passage: 41, start: 5, end: 98 });
    expect(written).toBe(`sourcebench://open?project=${ID}&source=${source}&passage=41&start=5&end=98`);
    expect(parseOpenLink(written)).toEqual({ project: ID, sourceId: 0, sourceUuid: source, passage: 41, start: 5, end: 98 });
    expect(parseOpenLink(written.replace(source, source.toUpperCase()))?.sourceUuid).toBe(source);
  });

  it("reach a source by its id, never another that took a deleted one's row number", async () => {
    const { wb } = tempWorkbench();
    const first = await wb.importFile({ name: 'a.txt', bytes: bytes('In 1937 many were arrested.') });
    if (first.status !== 'imported') throw new Error('not imported');
    const link = parseOpenLink(openLink(ID, { sourceId: first.source.id, sourceUuid: first.source.uuid, passage: 1, start: 0, end: 4 }))!;
    expect(wb.sourceIdOf(link.sourceUuid!)).toBe(first.source.id);
    await wb.deleteSource({ id: first.source.id });
    const second = await wb.importFile({ name: 'b.txt', bytes: bytes('Another text altogether.') });
    if (second.status !== 'imported') throw new Error('not imported');
    expect(second.source.id).toBe(first.source.id); // SQLite gave the row number again
    expect(wb.sourceIdOf(link.sourceUuid!)).toBeNull();
  });

  it('still parse links from older exports, which carry a path', () => {
    const old = 'sourcebench://open?project=%2Fhome%2Fme%2FPurge+research.sourcebench&source=3&passage=41&start=5&end=98';
    expect(parseOpenLink(old)).toEqual({ project: '/home/me/Purge research.sourcebench', sourceId: 3, passage: 41, start: 5, end: 98 });
  });

  it('refuse anything else', () => {
    for (const bad of [
      'https://example.org/open?source=1',
      'sourcebench://delete?source=1',
      'sourcebench://open?source=abc',
      'sourcebench://open',
      'not a url',
      `sourcebench://open?source=${'9'.repeat(30)}`,
      `sourcebench://open?source=1&project=${'x'.repeat(9000)}`,
    ]) {
      expect(parseOpenLink(bad)).toBeNull();
    }
  });
});

describe('resolving a link', () => {
  it('opens a known project by its id, without asking', () => {
    expect(resolveOpenLink(link(ID), known, CURRENT)).toEqual({ action: 'open', path: '/home/me/Purge research.sourcebench' });
    expect(resolveOpenLink(link(ID.toUpperCase()), known, CURRENT)).toEqual({ action: 'open', path: '/home/me/Purge research.sourcebench' });
  });

  it('shows the passage when the link is into the open project, or names none', () => {
    expect(resolveOpenLink(link(CURRENT.id), known, CURRENT)).toEqual({ action: 'show' });
    expect(resolveOpenLink(link(null), known, CURRENT)).toEqual({ action: 'show' });
    expect(resolveOpenLink(link(''), known, CURRENT)).toEqual({ action: 'show' });
  });

  it('opens nothing for an id it does not know, and says so', () => {
    const r = resolveOpenLink(link(OTHER), known, CURRENT);
    expect(r).toMatchObject({ action: 'refuse', reason: 'unknown_project' });
    expect((r as { message: string }).message).toMatch(/has not been opened with Sourcebench on this computer/);
    // A project known by path only (opened before ids) is not found by id.
    expect(resolveOpenLink(link(OTHER), [{ path: '/home/me/old.sourcebench' }], CURRENT)).toMatchObject({ action: 'refuse' });
  });

  it('takes the latest place a project was seen that still exists', () => {
    const moved: KnownProject[] = [
      { path: '/new/place/P.sourcebench', id: ID },
      { path: '/old/place/P.sourcebench', id: ID },
    ];
    expect(resolveOpenLink(link(ID), moved, CURRENT, { exists: () => true })).toEqual({ action: 'open', path: '/new/place/P.sourcebench' });
    expect(resolveOpenLink(link(ID), moved, CURRENT, { exists: (f) => f.startsWith('/old') })).toEqual({
      action: 'open',
      path: '/old/place/P.sourcebench',
    });
    expect(resolveOpenLink(link(ID), moved, CURRENT, { exists: () => false })).toMatchObject({
      action: 'refuse',
      reason: 'unknown_project',
      message: expect.stringContaining('/new/place/P.sourcebench'),
    });
  });

  it('asks before opening a path from an older link, even a known one', () => {
    expect(resolveOpenLink(link('/home/me/Purge research.sourcebench'), known, CURRENT, { platform: 'linux' })).toEqual({
      action: 'ask',
      path: '/home/me/Purge research.sourcebench',
    });
    expect(resolveOpenLink(link('/home/me/elsewhere.sourcebench'), known, CURRENT, { platform: 'darwin' })).toEqual({
      action: 'ask',
      path: '/home/me/elsewhere.sourcebench',
    });
    expect(resolveOpenLink(link('C:\\Users\\me\\Research.sourcebench'), known, CURRENT, { platform: 'win32' })).toEqual({
      action: 'ask',
      path: 'C:\\Users\\me\\Research.sourcebench',
    });
    // The open project's own path opens nothing new.
    expect(resolveOpenLink(link(CURRENT.path), known, CURRENT, { platform: 'linux' })).toEqual({ action: 'show' });
  });

  const hostile: [NodeJS.Platform, string][] = [
    // Network and device paths.
    ['win32', '\\\\attacker.example\\share\\p.sourcebench'],
    ['win32', '//attacker.example/share/p.sourcebench'],
    ['win32', '\\/attacker.example\\share\\p.sourcebench'],
    ['win32', '\\\\?\\C:\\Users\\me\\p.sourcebench'],
    ['win32', '\\\\.\\pipe\\p.sourcebench'],
    ['win32', '\\\\?\\UNC\\host\\share\\p.sourcebench'],
    ['linux', '//attacker.example/share/p.sourcebench'],
    ['darwin', '//attacker.example/share/p.sourcebench'],
    // Relative paths and parent segments.
    ['linux', 'p.sourcebench'],
    ['linux', './p.sourcebench'],
    ['linux', '../../etc/p.sourcebench'],
    ['linux', '/home/me/../other/p.sourcebench'],
    ['linux', '/home/me/..\\other/p.sourcebench'],
    ['linux', '~/p.sourcebench'],
    ['linux', 'file:///home/me/p.sourcebench'],
    ['win32', 'C:p.sourcebench'],
    ['win32', '\\Users\\me\\p.sourcebench'],
    ['win32', 'C:\\Users\\me\\..\\..\\p.sourcebench'],
    ['win32', 'C:/Users/me/../p.sourcebench'],
    ['win32', '..\\p.sourcebench'],
    // Options in disguise.
    ['linux', '--inspect=0.0.0.0:9229'],
    ['linux', '-r /tmp/evil.js p.sourcebench'],
    ['win32', '--gpu-launcher=calc.exe p.sourcebench'],
    // Not a project file.
    ['linux', '/etc/passwd'],
    ['linux', '/home/me/p.sourcebench.exe'],
    ['linux', '/home/me/p.sourcebench/'],
    ['linux', '/home/me/p.SOURCEBENCH'],
    ['win32', 'C:\\Windows\\System32\\calc.exe'],
    // Streams, devices and control characters.
    ['win32', 'C:\\Users\\me\\p.txt:hidden.sourcebench'],
    ['win32', 'C:\\Users\\me\\CON.sourcebench'],
    ['win32', 'C:\\Users\\me\\nul\\p.sourcebench'],
    ['win32', 'C:\\Users\\me\\com1.sourcebench'],
    ['linux', '/home/me/p\u0000.sourcebench'],
    ['linux', '/home/me/p\n.sourcebench'],
    ['linux', `/${'a/'.repeat(3000)}p.sourcebench`],
  ];

  it.each(hostile)('never opens (%s) %j from a link, and does not ask', (platform, file) => {
    expect(unsafeLinkPath(file, platform)).not.toBeNull();
    const r = resolveOpenLink(link(file), known, CURRENT, { platform });
    expect(r).toMatchObject({ action: 'refuse', reason: 'unsafe_path' });
  });

  it('refuses the hostile paths when they arrive through a parsed link too', () => {
    for (const [platform, file] of hostile) {
      const parsed = parseOpenLink(`sourcebench://open?${new URLSearchParams({ project: file, source: '1' }).toString()}`);
      if (parsed === null) continue; // too long to be a link at all
      expect(resolveOpenLink(parsed, known, CURRENT, { platform }).action, file).toBe('refuse');
    }
  });

  it('accepts ordinary local project paths, to ask about', () => {
    expect(unsafeLinkPath('/home/me/Исследование 1937.sourcebench', 'linux')).toBeNull();
    expect(unsafeLinkPath('/Users/me/My Research/p.sourcebench', 'darwin')).toBeNull();
    expect(unsafeLinkPath('D:\\Research\\purges.sourcebench', 'win32')).toBeNull();
    expect(unsafeLinkPath('D:/Research/purges.sourcebench', 'win32')).toBeNull();
  });
});

describe('links from the command line', () => {
  it('are read only after --', () => {
    expect(linksFromArgv(['/usr/bin/sourcebench', '--', `sourcebench://open?project=${ID}&source=1`])).toEqual([
      `sourcebench://open?project=${ID}&source=1`,
    ]);
    expect(linksFromArgv(['electron', '/app', '--', 'SourceBench://open?source=1'])).toEqual(['SourceBench://open?source=1']);
    // Before -- (or without it) a link-looking argument is not a link.
    expect(linksFromArgv(['/usr/bin/sourcebench', 'sourcebench://open?source=1'])).toEqual([]);
    expect(linksFromArgv(['/usr/bin/sourcebench', 'sourcebench://open?source=1', '--'])).toEqual([]);
    // Chromium may add its own switches before --; nothing after it is an option.
    expect(linksFromArgv(['app.exe', '--allow-file-access-from-files', '--', '--inspect', 'sourcebench://open?source=2'])).toEqual([
      'sourcebench://open?source=2',
    ]);
  });

  it('come from a handler registered with -- before the link', () => {
    expect(protocolHandlerArgs([])).toEqual(['--']);
    expect(protocolHandlerArgs(['/home/me/sourcebench'])).toEqual(['/home/me/sourcebench', '--']);
  });

  it('ask before opening a path, with Cancel as the default', () => {
    const o = confirmOpenOptions('C:\\Users\\me\\Research.sourcebench');
    expect(o.defaultId).toBe(0);
    expect(o.cancelId).toBe(0);
    expect(o.buttons![CONFIRM_OPEN]).toBe('Open Project');
    expect(o.message).toContain('Research.sourcebench');
    expect(o.detail).toContain('C:\\Users\\me\\Research.sourcebench');
  });
});
