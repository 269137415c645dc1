import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { csvCell, toExcelCsv } from './csv';

describe('CSV cells', () => {
  it.each(['=HYPERLINK("http://x","Bấm")', '+cmd|"/c calc"!A1', '-2+3+cmd', '@SUM(A1)', '\t=1', '\r=1'])(
    'neutralises %j with a leading apostrophe',
    (text) => expect(csvCell(text)).toBe(`'${text}`),
  );

  it('leaves ordinary text, numbers and numbers written as text alone', () => {
    expect(csvCell('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('+84912345678')).toBe('+84912345678');
    expect(csvCell('-12,5')).toBe('-12,5');
    expect(csvCell(-3)).toBe(-3);
    expect(csvCell(null)).toBe('');
  });

  it('writes a BOM, CRLF and the neutralised cells, quoted where needed', () => {
    const csv = toExcelCsv(['Họ và tên', 'Trả lời'], [['=1+1', 'có, "đồng ý"']]).toString('utf8');
    expect(csv).toBe('\uFEFFHọ và tên,Trả lời\r\n\'=1+1,"có, ""đồng ý"""\r\n');
  });

  it('is the only way the API writes CSV', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const path = join(dir, f);
        return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
      });
    const writers = files(join(__dirname, '..'))
      .filter((f) => !f.endsWith('.spec.ts') && /csv-stringify/.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(join(__dirname, '..').length + 1));
    expect(writers).toEqual(['common/csv.ts']);
  });
});
