import { compareNames, foldDiacritics, matchKey } from './vietnamese';

describe('Vietnamese text', () => {
  it('folds diacritics including đ', () => {
    expect(foldDiacritics('Nguyễn Văn Đức')).toBe('Nguyen Van Duc');
    expect(matchKey('  Trần   THỊ  Hồng ')).toBe('tran thi hong');
  });

  it('treats composed and decomposed input as the same name', () => {
    const decomposed = 'Nguyễn'.normalize('NFD');
    expect(matchKey(decomposed)).toBe(matchKey('Nguyễn'));
  });

  it('sorts by given name with Vietnamese collation', () => {
    const names = ['Lê Văn Đức', 'Trần Thị Dung', 'Nguyễn Văn An', 'Phạm Thị Ánh', 'Hoàng Văn Bình'];
    expect([...names].sort((a, b) => compareNames(a, b))).toEqual([
      'Nguyễn Văn An',
      'Phạm Thị Ánh',
      'Hoàng Văn Bình',
      'Trần Thị Dung',
      'Lê Văn Đức',
    ]);
  });
});
