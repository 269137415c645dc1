import { PersonName } from './common';

describe('PersonName', () => {
  it('stores composed Unicode with single spaces', () => {
    expect(PersonName.parse('  Nguyễn   Văn\tAn ')).toBe('Nguyễn Văn An');
    expect(PersonName.parse('Nguyễn'.normalize('NFD'))).toBe('Nguyễn');
    expect(PersonName.safeParse('   ').success).toBe(false);
  });
});
