import { describe, expect, it } from 'vitest';
import { buttonKey, menuKey } from '../../../src/renderer/src/components/menuKeys';

const items = ['Keep aligned', '↑ Previous pair', '↓ Next pair', 'Export Markdown'];

describe('a menu button’s keys', () => {
  it('opens at the first item with ↓, Enter or Space, at the last with ↑', () => {
    expect(buttonKey('ArrowDown')).toBe('first');
    expect(buttonKey('Enter')).toBe('first');
    expect(buttonKey(' ')).toBe('first');
    expect(buttonKey('ArrowUp')).toBe('last');
    expect(buttonKey('a')).toBeNull();
  });
});

describe('the keys of an open menu', () => {
  it('moves down and up, wrapping around at either end', () => {
    expect(menuKey('ArrowDown', 0, items)).toBe(1);
    expect(menuKey('ArrowDown', 3, items)).toBe(0);
    expect(menuKey('ArrowUp', 0, items)).toBe(3);
    expect(menuKey('ArrowUp', 2, items)).toBe(1);
  });

  it('goes to the first and last items with Home and End', () => {
    expect(menuKey('Home', 2, items)).toBe(0);
    expect(menuKey('End', 0, items)).toBe(3);
  });

  it('closes with Esc, and lets Tab go on to the next control', () => {
    expect(menuKey('Escape', 1, items)).toBe('close');
    expect(menuKey('Tab', 1, items)).toBe('tab');
  });

  it('goes to the next item starting with a typed letter, past arrows and case', () => {
    expect(menuKey('n', 0, items)).toBe(2);
    expect(menuKey('E', 0, items)).toBe(3);
    expect(menuKey('p', 2, items)).toBe(1);
    expect(menuKey('k', 0, items)).toBe(0);
    expect(menuKey('z', 1, items)).toBeNull();
  });

  it('leaves other keys alone, and does nothing in an empty menu but close', () => {
    expect(menuKey('ArrowLeft', 1, items)).toBeNull();
    expect(menuKey(' ', 1, items)).toBeNull();
    expect(menuKey('ArrowDown', 0, [])).toBeNull();
    expect(menuKey('Escape', 0, [])).toBe('close');
  });
});
