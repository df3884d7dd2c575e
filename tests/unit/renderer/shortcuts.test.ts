import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KeyPress, ShortcutView } from '../../../src/renderer/src/shortcuts';
import { ariaKeys, COMMANDS, commandFor, keyed, keyLabel, matches, normalKey, SHORTCUTS, VIEW_TITLES } from '../../../src/renderer/src/shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

/** Views whose keys are live at the same time: the global keys with every view's, the note editor's with the reader's. */
const TOGETHER: ShortcutView[][] = [
  ...(Object.keys(VIEW_TITLES) as ShortcutView[]).filter((v) => v !== 'global').map((v) => ['global', v] as ShortcutView[]),
  ['reader', 'editor'],
];

describe('the shortcut table', () => {
  it('names only handlers its view has, and every handler has a key', () => {
    for (const sc of SHORTCUTS) {
      expect(COMMANDS[sc.view] as readonly string[], `${sc.view}: ${sc.command}`).toContain(sc.command);
      expect(sc.keys.length, `${sc.view}: ${sc.command}`).toBeGreaterThan(0);
      expect(sc.label).not.toBe('');
    }
    for (const view of Object.keys(COMMANDS) as ShortcutView[]) {
      for (const command of COMMANDS[view]) {
        expect(
          SHORTCUTS.filter((sc) => sc.view === view && sc.command === command),
          `${view}: ${command}`,
        ).toHaveLength(1);
      }
    }
  });

  it('has a handler in the renderer for every command: a key of a handler map of its view', () => {
    const root = path.resolve(__dirname, '../../../src/renderer/src');
    const files = (fs.readdirSync(root, { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => fs.readFileSync(path.join(root, f), 'utf8'));
    const uses = /(?:useShortcuts|commandFor)\(\s*'(\w+)'|(?:ShortcutHandlers|Command)<'(\w+)'>|\b(ReviewMoves)\b/g;
    // The review queue's handlers are typed by the alias useReviewKeys gives them.
    const viewOf = (m: RegExpMatchArray) => m[1] ?? m[2] ?? (m[3] && 'review');
    for (const view of Object.keys(COMMANDS) as ShortcutView[]) {
      const where = files.filter((text) => [...text.matchAll(uses)].some((m) => viewOf(m) === view));
      for (const command of COMMANDS[view]) {
        const handler = new RegExp(`\\b${command}: (?!null)`);
        expect(
          where.some((text) => handler.test(text)),
          `no handler for ${view}: ${command}`,
        ).toBe(true);
      }
    }
  });

  it('has no key twice within a view, nor in views whose keys are live together', () => {
    const live = (when: string | undefined, typing: boolean) => when === 'always' || (when === 'typing') === typing;
    for (const views of [...(Object.keys(VIEW_TITLES) as ShortcutView[]).map((v) => [v]), ...TOGETHER]) {
      for (const typing of [false, true]) {
        const seen = new Map<string, string>();
        for (const sc of SHORTCUTS.filter((s) => views.includes(s.view) && live(s.when, typing))) {
          for (const key of sc.keys) {
            const k = normalKey(key);
            expect(seen.get(k), `${k} in ${views.join(' + ')}${typing ? ' (typing)' : ''}`).toBeUndefined();
            seen.set(k, `${sc.view}: ${sc.command}`);
          }
        }
      }
    }
  });

  it('finds a key’s command in its view, and only where it applies', () => {
    expect(commandFor('reader', press('j'), false)).toBe('nextPassage');
    expect(commandFor('reader', press('J', { shiftKey: true }), false)).toBeNull();
    expect(commandFor('reader', press('ArrowRight', { shiftKey: true }), false)).toBe('selectNextWord');
    expect(commandFor('reader', press('C', { shiftKey: true }), false)).toBe('compareWith');
    expect(commandFor('reader', press('c'), false)).toBe('claim');
    // Not while typing, except what the table says works there.
    expect(commandFor('reader', press('j'), true)).toBeNull();
    expect(commandFor('editor', press('Escape'), true)).toBe('leave');
    expect(commandFor('editor', press('Escape'), false)).toBeNull();
    expect(commandFor('global', press('k', { ctrlKey: true }), true)).toBe('search');
    expect(commandFor('global', press('k', { metaKey: true }), false)).toBe('search');
    expect(commandFor('global', press('?', { shiftKey: true }), false)).toBe('shortcuts');
    expect(commandFor('global', press('?', { shiftKey: true }), true)).toBeNull();
    // Ctrl with a letter is the browser's (copy, select all), not the letter's.
    expect(commandFor('reader', press('c', { ctrlKey: true }), false)).toBeNull();
    // The editor's own keys (Lexical's) are listed, never dispatched.
    expect(commandFor('editor', press('b', { ctrlKey: true }), true)).toBeNull();
  });

  it('matches Alt shortcuts by the key’s place when Alt changes the character', () => {
    expect(matches('Mod+Alt+K', press('˚', { metaKey: true, altKey: true, code: 'KeyK' }))).toBe(true);
    expect(matches('Mod+Alt+1', press('¡', { ctrlKey: true, altKey: true, code: 'Digit1' }))).toBe(true);
    expect(matches('Mod+Alt+1', press('2', { ctrlKey: true, altKey: true, code: 'Digit2' }))).toBe(false);
  });

  it('writes keys for people and for aria-keyshortcuts', () => {
    expect(keyLabel('Shift+ArrowRight', false)).toBe('Shift+→');
    expect(keyLabel('Mod+K', false)).toBe('Ctrl+K');
    expect(keyLabel('Mod+K', true)).toBe('⌘K');
    expect(keyLabel('Escape', false)).toBe('Esc');
    expect(ariaKeys(['Mod+K'])).toBe('Control+K Meta+K');
    expect(ariaKeys(['J', 'ArrowDown'])).toBe('J ArrowDown');
    expect(keyed('reader', 'exportNotes')).toEqual({ title: 'Export notes (X)', 'aria-keyshortcuts': 'X' });
    expect(keyed('library', 'references', 'From a reference manager').title).toBe('From a reference manager (R)');
  });
});
