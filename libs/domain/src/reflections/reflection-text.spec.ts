import { countWords, htmlToText } from './reflection-text';

describe('reflection text', () => {
  it('reads words across paragraphs, lists and line breaks, with entities decoded', () => {
    const html =
      '<p>Học tập <strong>Nghị quyết</strong></p><ul><li>một</li><li>hai&nbsp;ba</li></ul><p>A&amp;B<br>&#273;i</p>';
    expect(htmlToText(html)).toBe('Học tập Nghị quyết một hai ba A&B đi');
    expect(countWords(htmlToText(html))).toBe(9);
  });

  it('does not count punctuation or empty paragraphs as words', () => {
    expect(countWords(htmlToText('<p></p><p> – … ! </p><p>2026</p>'))).toBe(1);
    expect(countWords('')).toBe(0);
  });
});
