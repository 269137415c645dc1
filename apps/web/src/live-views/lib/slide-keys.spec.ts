import { isTypingTarget, pageForKey } from './slide-keys';

describe('pageForKey', () => {
  it('moves on and back with arrows, page keys and space', () => {
    expect(pageForKey({ key: 'ArrowRight' }, 3, 10)).toBe(4);
    expect(pageForKey({ key: 'PageDown' }, 3, 10)).toBe(4);
    expect(pageForKey({ key: ' ' }, 3, 10)).toBe(4);
    expect(pageForKey({ key: ' ', shiftKey: true }, 3, 10)).toBe(2);
    expect(pageForKey({ key: 'ArrowLeft' }, 3, 10)).toBe(2);
    expect(pageForKey({ key: 'PageUp' }, 3, 10)).toBe(2);
  });

  it('stays within the deck', () => {
    expect(pageForKey({ key: 'ArrowRight' }, 10, 10)).toBe(10);
    expect(pageForKey({ key: 'ArrowLeft' }, 1, 10)).toBe(1);
    expect(pageForKey({ key: 'Home' }, 7, 10)).toBe(1);
    expect(pageForKey({ key: 'End' }, 2, 10)).toBe(10);
  });

  it('jumps to a typed page on Enter', () => {
    expect(pageForKey({ key: 'Enter' }, 2, 10, '7')).toBe(7);
    expect(pageForKey({ key: 'Enter' }, 2, 10, '70')).toBe(10);
    expect(pageForKey({ key: 'Enter' }, 2, 10, '0')).toBeNull();
  });

  it('ignores other keys and empty decks', () => {
    expect(pageForKey({ key: 'a' }, 2, 10)).toBeNull();
    expect(pageForKey({ key: 'ArrowRight' }, 1, 0)).toBeNull();
  });
});

describe('isTypingTarget', () => {
  const el = (tagName: string, extra: Record<string, unknown> = {}) =>
    ({ tagName, isContentEditable: false, ...extra }) as unknown as EventTarget;
  it('leaves keys in text fields to the field', () => {
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
