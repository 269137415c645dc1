import { DomainError } from '@hallbridge/domain';
import {
  assertPageCount,
  checkDeckSignature,
  deckKindOf,
  parsePdfInfo,
  parsePnm,
  pdfOpenError,
} from './deck-file';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? { code: e.code, params: e.params } : e;
  }
  return 'no error';
};

describe('deck files', () => {
  it('knows the kind by extension, case-insensitively', () => {
    expect(deckKindOf('Nghị quyết.PDF')).toBe('pdf');
    expect(deckKindOf('bai-giang.pptx')).toBe('pptx');
    expect(deckKindOf('bai-giang.odp')).toBe('odp');
    expect(deckKindOf('bai-giang.ppt')).toBeNull();
    expect(deckKindOf('pdf')).toBeNull();
  });

  it('checks the signature against the kind', () => {
    expect(codeOf(() => checkDeckSignature(Buffer.from('%PDF-1.7\n...'), 'pdf'))).toBe('no error');
    expect(codeOf(() => checkDeckSignature(Buffer.from('\r\n  %PDF-1.4'), 'pdf'))).toBe('no error');
    expect(codeOf(() => checkDeckSignature(Buffer.from('hello'), 'pdf'))).toEqual({
      code: 'DECK_UNREADABLE',
      params: {},
    });
    expect(codeOf(() => checkDeckSignature(Buffer.from('PK\x03\x04rest', 'latin1'), 'pptx'))).toBe(
      'no error',
    );
    expect(codeOf(() => checkDeckSignature(Buffer.from('%PDF-1.7'), 'odp'))).toEqual({
      code: 'DECK_UNREADABLE',
      params: {},
    });
  });

  it('tells a password-protected PPTX (an encrypted compound file) from a legacy .ppt renamed', () => {
    const compound = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = Buffer.concat([compound, Buffer.alloc(500), Buffer.from('EncryptionInfo', 'utf16le')]);
    expect(codeOf(() => checkDeckSignature(encrypted, 'pptx'))).toEqual({
      code: 'DECK_ENCRYPTED',
      params: {},
    });
    expect(codeOf(() => checkDeckSignature(Buffer.concat([compound, Buffer.alloc(500)]), 'pptx'))).toEqual({
      code: 'DECK_UNREADABLE',
      params: {},
    });
  });

  it('limits the page count', () => {
    expect(codeOf(() => assertPageCount(300))).toBe('no error');
    expect(codeOf(() => assertPageCount(301))).toEqual({
      code: 'DECK_TOO_MANY_PAGES',
      params: { pages: 301, max: 300 },
    });
    expect(codeOf(() => assertPageCount(12, 10))).toEqual({
      code: 'DECK_TOO_MANY_PAGES',
      params: { pages: 12, max: 10 },
    });
    expect(codeOf(() => assertPageCount(0))).toEqual({ code: 'DECK_UNREADABLE', params: {} });
    expect(codeOf(() => assertPageCount(NaN))).toEqual({ code: 'DECK_UNREADABLE', params: {} });
  });

  it('reads pdfinfo output and its failures', () => {
    const info =
      'Creator:         Impress\nPages:           50\nEncrypted:       yes (print:yes copy:no change:no addNotes:no algorithm:AES-256)\nPage size:       793.701 x 446.457 pts\n';
    expect(parsePdfInfo(info)).toEqual({ pages: 50, encrypted: true });
    expect(parsePdfInfo('Pages: 3\nEncrypted: no\n')).toEqual({ pages: 3, encrypted: false });
    expect(pdfOpenError('Command Line Error: Incorrect password\n').code).toBe('DECK_ENCRYPTED');
    expect(pdfOpenError("Syntax Error: Couldn't find trailer dictionary\n").code).toBe('DECK_UNREADABLE');
  });

  it('parses binary PPM and PGM headers, comments included', () => {
    const pixels = Buffer.from([1, 2, 3, 4, 5, 6]);
    expect(parsePnm(Buffer.concat([Buffer.from('P6\n2 1\n255\n'), pixels]))).toEqual({
      width: 2,
      height: 1,
      channels: 3,
      data: pixels,
    });
    expect(parsePnm(Buffer.concat([Buffer.from('P5 # gray\n3 2\n255\n'), pixels]))).toMatchObject({
      width: 3,
      height: 2,
      channels: 1,
    });
    expect(() => parsePnm(Buffer.from('P6\n2 2\n255\n\x01'))).toThrow(/not an 8-bit/);
  });
});
