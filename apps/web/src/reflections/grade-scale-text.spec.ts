import { scaleFromText, scaleToText } from './grade-scale-text';

const scale = [
  { key: 'good', label: 'Tốt', passing: true },
  { key: 'pass', label: 'Đạt', passing: true },
  { key: 'fail', label: 'Chưa đạt', passing: false },
];

describe('grade scale as text', () => {
  it('round-trips, keeping the keys of unchanged labels', () => {
    expect(scaleToText(scale)).toBe('Tốt\nĐạt\nChưa đạt *');
    expect(scaleFromText('Xuất sắc\nTốt\n\nĐạt\n Chưa đạt * ', scale)).toEqual([
      { key: 'g1', label: 'Xuất sắc', passing: true },
      { key: 'good', label: 'Tốt', passing: true },
      { key: 'pass', label: 'Đạt', passing: true },
      { key: 'fail', label: 'Chưa đạt', passing: false },
    ]);
  });

  it('never gives two grades the same key', () => {
    const keys = scaleFromText('A\nTốt\nTốt', [{ key: 'g1', label: 'Tốt', passing: true }]).map((g) => g.key);
    expect(new Set(keys).size).toBe(3);
  });
});
