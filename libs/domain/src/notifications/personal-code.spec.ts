import { groupPersonalCode, normalisePersonalCode, personalCodeFrom } from './personal-code';

describe('personal link codes', () => {
  it('makes 12 lowercase base32 characters from random bytes, different for different bytes', () => {
    const a = personalCodeFrom(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    const b = personalCodeFrom(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 9]));
    expect(a).toMatch(/^[0-9a-hjkmnp-tv-z]{12}$/);
    expect(a).not.toBe(b);
  });

  it('reads a code typed from paper: groups, case, and letters taken for digits', () => {
    const code = personalCodeFrom(new Uint8Array([200, 17, 3, 99, 5, 6, 250, 8]));
    expect(normalisePersonalCode(groupPersonalCode(code).toUpperCase())).toBe(code);
    expect(normalisePersonalCode(' 0123 4567 89ab ')).toBe('0123456789ab');
    expect(normalisePersonalCode('OI23-4567-89AB')).toBe('0123456789ab');
  });

  it('refuses what cannot be a code', () => {
    expect(normalisePersonalCode('0123-4567-89a')).toBeNull();
    expect(normalisePersonalCode('0123-4567-89au')).toBeNull();
    expect(normalisePersonalCode('')).toBeNull();
  });

  it('groups by four for print', () => {
    expect(groupPersonalCode('abcdefghjkmn')).toBe('abcd-efgh-jkmn');
  });
});
