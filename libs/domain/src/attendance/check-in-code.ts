/**
 * The rotating check-in code a room's screen shows. Time is cut into slots of `periodMs`; each slot
 * has its own code (derived by the server from a secret, so nothing is stored and every instance
 * agrees). A code is shown for its slot and still accepted for `graceMs` into the next one, so a
 * member who scanned just before the screen changed is not turned away.
 */

export interface CheckInCodeTiming {
  periodMs: number;
  graceMs: number;
}

export function checkInSlot(now: number, periodMs: number): number {
  return Math.floor(now / periodMs);
}

/** When the code of `slot` stops being shown (its successor appears). */
export function checkInSlotEnd(slot: number, periodMs: number): number {
  return (slot + 1) * periodMs;
}

/** Slots whose code is accepted at `now`: the current one, and the previous one during the grace. */
export function acceptedCheckInSlots(now: number, timing: CheckInCodeTiming): number[] {
  const current = checkInSlot(now, timing.periodMs);
  const intoSlot = now - current * timing.periodMs;
  return intoSlot < timing.graceMs ? [current, current - 1] : [current];
}

/** How many digits a room's code has (what members type). */
export const CHECK_IN_DIGITS = 6;

/** The code's digits from the first bytes of a MAC (uniform enough: 2^32 mod 10^6 bias is < 0.03%). */
export function digitsFromMac(mac: Uint8Array, length = CHECK_IN_DIGITS): string {
  const n = ((mac[0]! << 24) | (mac[1]! << 16) | (mac[2]! << 8) | mac[3]!) >>> 0;
  return String(n % 10 ** length).padStart(length, '0');
}

/** The token a QR code carries: session, room and digits, so a scan never matches another room. */
export function checkInToken(sessionId: string, siteId: string, digits: string): string {
  return `${sessionId}.${siteId}.${digits}`;
}

export type ParsedCheckInCode =
  | { kind: 'digits'; digits: string }
  | { kind: 'token'; sessionId: string; siteId: string; digits: string }
  | null;

/** Reads what a member typed (6 digits, spaces allowed) or the token of a scanned QR code. */
export function parseCheckInCode(input: string): ParsedCheckInCode {
  const text = input.trim();
  const typed = text.replace(/[\s-]/g, '');
  if (typed.length === CHECK_IN_DIGITS && /^\d+$/.test(typed)) return { kind: 'digits', digits: typed };
  const match = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{1,64})\.(\d+)$/.exec(text);
  return match && match[3]!.length === CHECK_IN_DIGITS
    ? { kind: 'token', sessionId: match[1]!, siteId: match[2]!, digits: match[3]! }
    : null;
}
