import {
  acceptedCheckInSlots,
  checkInSlot,
  checkInSlotEnd,
  checkInToken,
  digitsFromMac,
  parseCheckInCode,
} from './check-in-code';

const timing = { periodMs: 60_000, graceMs: 20_000 };

describe('check-in code', () => {
  it('changes every period and says when the next code appears', () => {
    expect(checkInSlot(119_999, 60_000)).toBe(1);
    expect(checkInSlot(120_000, 60_000)).toBe(2);
    expect(checkInSlotEnd(2, 60_000)).toBe(180_000);
  });

  it('accepts the previous code during the grace only (its end exclusive)', () => {
    expect(acceptedCheckInSlots(120_000, timing)).toEqual([2, 1]);
    expect(acceptedCheckInSlots(139_999, timing)).toEqual([2, 1]);
    expect(acceptedCheckInSlots(140_000, timing)).toEqual([2]);
    expect(acceptedCheckInSlots(179_999, timing)).toEqual([2]);
  });

  it('makes six digits, keeping leading zeros', () => {
    expect(digitsFromMac(Uint8Array.from([0, 0, 0, 42]))).toBe('000042');
    expect(digitsFromMac(Uint8Array.from([255, 255, 255, 255]))).toBe(String(4294967295 % 1_000_000));
  });

  it('reads typed digits (with spaces) and scanned tokens, and nothing else', () => {
    expect(parseCheckInCode(' 123 456 ')).toEqual({ kind: 'digits', digits: '123456' });
    expect(parseCheckInCode(checkInToken('sess-1', 'site_2', '000123'))).toEqual({
      kind: 'token',
      sessionId: 'sess-1',
      siteId: 'site_2',
      digits: '000123',
    });
    expect(parseCheckInCode('12345')).toBeNull();
    expect(parseCheckInCode('a.b.12345x')).toBeNull();
    expect(parseCheckInCode('../etc.passwd.123456')).toBeNull();
  });
});
