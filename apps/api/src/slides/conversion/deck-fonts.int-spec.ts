import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fontDeck } from '../testing/font-decks';
import { LibreOffice } from './libreoffice';

// Real LibreOffice and poppler, with the fonts infra/ensure-tools.sh libreoffice installs. A deck
// in a Microsoft font must come out in that font's metric-compatible twin (same widths, so titles
// wrap where they wrapped in PowerPoint), Vietnamese letters included: a letter the twin lacks
// would be drawn from another font, which pdffonts shows.
const root = mkdtempSync(join(tmpdir(), 'hallbridge-fonts-'));
const office = new LibreOffice({ command: 'soffice', profileTemplate: join(root, 'warm-profile') });

/** The fonts a PDF embeds, without the subset prefix ("ABCDEF+Carlito-Bold" → "Carlito-Bold"). */
function embeddedFonts(pdf: string): string[] {
  const lines = execFileSync('pdffonts', [pdf]).toString().split('\n').slice(2);
  const names = lines.map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).filter(Boolean);
  return [...new Set(names)].sort();
}

async function fontsOf(fontFace: string): Promise<string[]> {
  const name = fontFace.replace(/\s+/g, '-').toLowerCase();
  const deck = await fontDeck(join(root, `${name}.pptx`), fontFace);
  return embeddedFonts(await office.toPdf(deck, 'pptx', join(root, name)));
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('fonts of converted PowerPoint decks', () => {
  it.each([
    ['Calibri', 'Carlito'],
    ['Arial', 'LiberationSans'],
    ['Times New Roman', 'LiberationSerif'],
  ])('%s with Vietnamese text is drawn in %s alone, regular, bold and italic', async (font, twin) => {
    // OpenSymbol is LibreOffice's own font for the bullets.
    expect(await fontsOf(font)).toEqual([twin, `${twin}-Bold`, `${twin}-Italic`, 'OpenSymbol']);
  });

  it('Cambria is drawn in Caladea, the letters Caladea lacks in Noto Serif', async () => {
    // Caladea has no Vietnamese letter with a horn or a dot below (ơ, ư, ạ…); LibreOffice draws
    // those from Noto Serif (docs/decisions.md, "Slide fonts").
    expect(await fontsOf('Cambria')).toEqual([
      'Caladea-Bold',
      'Caladea-Italic',
      'Caladea-Regular',
      'NotoSerif-Bold',
      'NotoSerif-Italic',
      'NotoSerif-Regular',
      'OpenSymbol',
    ]);
  });
});
