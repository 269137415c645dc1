/**
 * Personal link codes: 12 characters of Crockford's base32 (no I, L, O, U), 60 random bits, shown
 * in groups of four so a member can type one from a printed sheet. Reading forgives case, dashes,
 * spaces and the letters people mistake for digits.
 */
export const PERSONAL_CODE_LENGTH = 12;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Turns random bytes (at least 8) into a code. */
export function personalCodeFrom(random: Uint8Array): string {
  let bits = 0n;
  for (const byte of random.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < PERSONAL_CODE_LENGTH; i++) {
    out += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return out.toLowerCase();
}

/** The canonical code of what someone typed, or null when it cannot be one. */
export function normalisePersonalCode(typed: string): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (cleaned.length !== PERSONAL_CODE_LENGTH || [...cleaned].some((c) => !ALPHABET.includes(c))) return null;
  return cleaned.toLowerCase();
}

/** "abcd-efgh-jkmn" for print. */
export const groupPersonalCode = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;
