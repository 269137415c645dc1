/**
 * PowerPoint decks set in one font family, written the way PowerPoint writes them (pptxgenjs puts
 * the typeface on every run), with Vietnamese text in regular, bold and italic: what the font tests
 * convert to see which faces LibreOffice really uses.
 */
import { runTool } from '../conversion/run-tool';

/** Every Vietnamese letter with its tone marks, and the sentences a study session's slides hold. */
export const VIETNAMESE_LETTERS =
  'aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ';
const title = 'Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI';
const bullets = [
  'Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng',
  'Đẩy mạnh chuyển đổi số; phát huy dân chủ ở cơ sở, gắn bó mật thiết với nhân dân',
  `${VIETNAMESE_LETTERS} ${VIETNAMESE_LETTERS.toUpperCase()}`,
];

/**
 * Writes the deck with pptxgenjs in a plain Node process: inside Jest's module sandbox its
 * dynamic import of node:fs is refused.
 */
export async function fontDeck(path: string, fontFace: string): Promise<string> {
  const deck = { path, fontFace, title, bullets, library: require.resolve('pptxgenjs') };
  const written = await runTool(process.execPath, ['-e', WRITE_DECK, JSON.stringify(deck)]);
  if (written.code !== 0) throw new Error(`pptxgenjs failed: ${written.stderr}`);
  return path;
}

const WRITE_DECK = `
const { path, fontFace, title, bullets, library } = JSON.parse(process.argv[1]);
const PptxGenJS = require(library);
const pptx = new PptxGenJS();
pptx.layout = 'LAYOUT_16x9';
const slide = pptx.addSlide();
slide.addText(title, { x: 0.5, y: 0.3, w: 9, h: 1, fontFace, fontSize: 32, bold: true });
slide.addText(
  bullets.map((text, i) => ({ text, options: { bullet: true, italic: i === 1, breakLine: true } })),
  { x: 0.5, y: 1.5, w: 9, h: 3.5, fontFace, fontSize: 20 },
);
pptx.writeFile({ fileName: path }).catch((e) => { console.error(e); process.exit(1); });
`;
