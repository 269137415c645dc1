import {
  alignNotes,
  isHiddenPptxSlide,
  odpNotes,
  pptxNotesText,
  pptxSlideParts,
  relationships,
  resolvePart,
} from './speaker-notes';
import { decodeXml } from './xml-walk';

const P =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';

/** A notes page as PowerPoint writes it: slide image, body placeholder, slide number. */
const powerPointNotes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:notes ${P}><p:cSld><p:spTree>
  <p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>
  <p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr/><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>
  <p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr/><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>
    <p:txBody><a:bodyPr/><a:lstStyle/>
      <a:p><a:r><a:rPr lang="vi-VN"/><a:t>Nhấn mạnh </a:t></a:r><a:r><a:rPr lang="vi-VN" b="1"/><a:t>tiến độ</a:t></a:r><a:r><a:t> thực hiện &amp; “kết quả”.</a:t></a:r></a:p>
      <a:p><a:r><a:t>Dòng một</a:t></a:r><a:br/><a:r><a:t>dòng hai &lt;quan trọng&gt;</a:t></a:r></a:p>
      <a:p><a:endParaRPr lang="vi-VN"/></a:p>
    </p:txBody></p:sp>
  <p:sp><p:nvSpPr><p:cNvPr id="4" name="Slide Number Placeholder 3"/><p:cNvSpPr/><p:nvPr><p:ph type="sldNum" sz="quarter" idx="5"/></p:nvPr></p:nvSpPr><p:spPr/>
    <p:txBody><a:bodyPr/><a:p><a:fld id="{1}" type="slidenum"><a:t>7</a:t></a:fld></a:p></p:txBody></p:sp>
</p:spTree></p:cSld></p:notes>`;

describe('PPTX speaker notes', () => {
  it('reads the body placeholder, keeps paragraphs and line breaks, and leaves out the slide number', () => {
    expect(pptxNotesText(powerPointNotes)).toBe(
      'Nhấn mạnh tiến độ thực hiện & “kết quả”.\nDòng một\ndòng hai <quan trọng>',
    );
  });

  it('falls back to plain text boxes when no body placeholder has text (LibreOffice writes these)', () => {
    const xml = `<p:notes ${P}><p:cSld><p:spTree>
      <p:sp><p:nvSpPr><p:cNvPr id="2" name=""/><p:cNvSpPr/><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr></p:sp>
      <p:sp><p:nvSpPr><p:cNvPr id="3" name=""/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:txBody><a:p><a:r><a:t>Ghi chú</a:t></a:r></a:p></p:txBody></p:sp>
    </p:spTree></p:cSld></p:notes>`;
    expect(pptxNotesText(xml)).toBe('Ghi chú');
  });

  it('has no notes on a page holding only its slide number, whatever shape carries the field', () => {
    const page = (shape: string) =>
      `<p:notes ${P}><p:cSld><p:spTree><p:sp><p:nvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr></p:sp>${shape}</p:spTree></p:cSld></p:notes>`;
    const field = (n: number) =>
      `<p:txBody><a:p><a:fld id="{B}" type="slidenum"><a:rPr lang="vi-VN"/><a:t>${n}</a:t></a:fld></a:p></p:txBody>`;
    // A text box, a placeholder without a type, an empty body beside a numbered one.
    expect(
      pptxNotesText(page(`<p:sp><p:nvSpPr><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>${field(2)}</p:sp>`)),
    ).toBeNull();
    expect(
      pptxNotesText(page(`<p:sp><p:nvSpPr><p:nvPr><p:ph idx="5"/></p:nvPr></p:nvSpPr>${field(3)}</p:sp>`)),
    ).toBeNull();
    expect(
      pptxNotesText(
        page(
          `<p:sp><p:nvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:endParaRPr/></a:p></p:txBody></p:sp>` +
            `<p:sp><p:nvSpPr><p:nvPr><p:ph type="body" idx="7"/></p:nvPr></p:nvSpPr>${field(4)}</p:sp>`,
        ),
      ),
    ).toBeNull();
    // A field inside written notes stays part of them.
    expect(
      pptxNotesText(
        page(
          `<p:sp><p:nvSpPr><p:nvPr><p:ph type="body"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>Xem lại trang </a:t></a:r><a:fld id="{C}" type="slidenum"><a:t>5</a:t></a:fld></a:p></p:txBody></p:sp>`,
        ),
      ),
    ).toBe('Xem lại trang 5');
  });

  it('returns null for a notes page with only the slide image', () => {
    const xml = `<p:notes ${P}><p:cSld><p:spTree><p:sp><p:nvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:endParaRPr/></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:notes>`;
    expect(pptxNotesText(xml)).toBeNull();
  });

  it('composes decomposed Vietnamese (NFD) into NFC', () => {
    const nfd = 'Đảng viên'.normalize('NFD');
    const xml = `<p:notes ${P}><p:cSld><p:spTree><p:sp><p:nvSpPr><p:nvPr><p:ph type="body"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>${nfd}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:notes>`;
    expect(pptxNotesText(xml)).toBe('Đảng viên'.normalize('NFC'));
  });

  it('orders slides by the presentation’s slide list, not by file name', () => {
    const presentation = `<p:presentation ${P} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
      <p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>
      <p:sldIdLst><p:sldId id="257" r:id="rId3"/><p:sldId id="256" r:id="rId2"/></p:sldIdLst></p:presentation>`;
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster" Target="slideMasters/slideMaster1.xml"/>
      <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide1.xml"/>
      <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="/ppt/slides/slide2.xml"/>
    </Relationships>`;
    expect(pptxSlideParts(presentation, rels)).toEqual(['ppt/slides/slide2.xml', 'ppt/slides/slide1.xml']);
  });

  it('finds the notes page of a slide through its relationships', () => {
    const rels = `<Relationships><Relationship Id="rId1" Type=".../slideLayout" Target="../slideLayouts/slideLayout2.xml"/>
      <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide" Target="../notesSlides/notesSlide4.xml"/></Relationships>`;
    const [target = ''] = relationships(rels, '/notesSlide').values();
    expect(resolvePart('ppt/slides', target)).toBe('ppt/notesSlides/notesSlide4.xml');
  });

  it('tells hidden slides', () => {
    expect(isHiddenPptxSlide(`<?xml version="1.0"?><p:sld ${P} show="0"><p:cSld/></p:sld>`)).toBe(true);
    expect(isHiddenPptxSlide(`<?xml version="1.0"?><p:sld ${P}><p:cSld/></p:sld>`)).toBe(false);
  });
});

describe('ODP speaker notes', () => {
  const odp = `<office:document-content xmlns:office="o" xmlns:style="s" xmlns:text="t" xmlns:draw="d" xmlns:presentation="p">
    <office:automatic-styles>
      <style:style style:name="dp1" style:family="drawing-page"><style:drawing-page-properties presentation:visibility="visible"/></style:style>
      <style:style style:name="dp2" style:family="drawing-page"><style:drawing-page-properties presentation:visibility="hidden"/></style:style>
    </office:automatic-styles>
    <office:body><office:presentation>
      <draw:page draw:name="a" draw:style-name="dp1"><draw:frame><draw:text-box><text:p>Slide text is not a note</text:p></draw:text-box></draw:frame>
        <presentation:notes><draw:page-thumbnail presentation:class="page"/>
          <draw:frame presentation:class="notes"><draw:text-box>
            <text:p>Thưa   các <text:span>đồng chí</text:span>,<text:s text:c="2"/>hôm nay</text:p>
            <text:list><text:list-item><text:p>ý một<text:line-break/>tiếp theo</text:p></text:list-item></text:list>
          </draw:text-box></draw:frame></presentation:notes></draw:page>
      <draw:page draw:name="hidden" draw:style-name="dp2"><presentation:notes><draw:frame><draw:text-box><text:p>ẩn</text:p></draw:text-box></draw:frame></presentation:notes></draw:page>
      <draw:page draw:name="c" draw:style-name="dp1"/>
    </office:presentation></office:body></office:document-content>`;

  it('reads notes per shown page, honouring ODF white space and skipping hidden pages', () => {
    expect(odpNotes(odp)).toEqual(['Thưa các đồng chí,  hôm nay\ný một\ntiếp theo', null]);
  });

  it('leaves out the page-number, header, footer and date frames, and a text box holding only a field', () => {
    const numbered = `<office:document-content xmlns:office="o" xmlns:text="t" xmlns:draw="d" xmlns:presentation="p"><office:body><office:presentation>
      <draw:page draw:name="a"><presentation:notes><draw:page-thumbnail presentation:class="page"/>
        <draw:frame presentation:class="notes"><draw:text-box><text:p/></draw:text-box></draw:frame>
        <draw:frame presentation:class="page-number"><draw:text-box><text:p><text:page-number>2</text:page-number></text:p></draw:text-box></draw:frame>
        <draw:frame presentation:class="footer"><draw:text-box><text:p>Đảng bộ tỉnh</text:p></draw:text-box></draw:frame></presentation:notes></draw:page>
      <draw:page draw:name="b"><presentation:notes>
        <draw:frame><draw:text-box><text:p><text:page-number>3</text:page-number></text:p></draw:text-box></draw:frame>
        <draw:frame presentation:class="notes"><draw:text-box><text:p>Trang <text:page-number>3</text:page-number>: kết luận</text:p></draw:text-box></draw:frame></presentation:notes></draw:page>
    </office:presentation></office:body></office:document-content>`;
    expect(odpNotes(numbered)).toEqual([null, 'Trang 3: kết luận']);
  });
});

describe('notes alignment and XML text', () => {
  it('pads or trims notes to the page count, and says "no notes" when there are none', () => {
    expect(alignNotes(['a'], 3)).toEqual(['a', null, null]);
    expect(alignNotes(['a', 'b', 'c'], 2)).toEqual(['a', 'b']);
    expect(alignNotes([null, null], 2)).toBeNull();
  });

  it('decodes entities and numeric references', () => {
    expect(decodeXml('&lt;&amp;&gt; &#273;&#x1EA1;i &quot;x&apos; &bogus;')).toBe('<&> đại "x\' &bogus;');
  });
});
