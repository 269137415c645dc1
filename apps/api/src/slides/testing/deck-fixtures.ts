/**
 * Generated decks for the slide tests and the slides benchmark: a flat ODP written here, turned
 * into PDF, PPTX or ODP by LibreOffice, so no binary fixture is checked in.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { runTool } from '../conversion/run-tool';

export interface FixtureSlide {
  title: string;
  bullets: string[];
  notes?: string;
  /** Hidden slides are left out of the PDF (and so are their notes). */
  hidden?: boolean;
  picture?: boolean;
}

/** Study-session slides in Vietnamese, a picture on every other one; notes carry the page number. */
export function sampleSlides(count: number, options: { notes?: boolean } = {}): FixtureSlide[] {
  return Array.from({ length: count }, (_, i) => ({
    title: `Phần ${i + 1}: Quán triệt Nghị quyết Đại hội Đảng bộ tỉnh`,
    bullets: [
      'Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng',
      'Đẩy mạnh chuyển đổi số trong công tác tuyên giáo',
      'Phát huy dân chủ ở cơ sở, gắn bó mật thiết với nhân dân',
      `Chỉ tiêu ${90 + (i % 10)}% đảng viên tham gia học tập đầy đủ`,
    ],
    notes: options.notes
      ? `Ghi chú trang ${i + 1}: nhấn mạnh tiến độ thực hiện.\nDòng hai — “trích dẫn” & <đủ dấu>`
      : undefined,
    picture: i % 2 === 0,
  }));
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A photo-like picture (gradients and circles), as PNG. */
async function picture(seed: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${(seed * 47) % 360},70%,55%)"/><stop offset="1" stop-color="hsl(${(seed * 47 + 120) % 360},60%,35%)"/></linearGradient></defs>
    <rect width="480" height="360" fill="url(#g)"/>
    ${Array.from({ length: 12 }, (_, k) => `<circle cx="${(k * 97 + seed * 31) % 480}" cy="${(k * 61 + seed * 17) % 360}" r="${20 + ((k * 13) % 50)}" fill="hsla(${(k * 30) % 360},80%,70%,0.45)"/>`).join('')}
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A flat ODP (single XML file) that LibreOffice opens directly. */
export async function flatOdp(slides: FixtureSlide[]): Promise<string> {
  const pages: string[] = [];
  for (const [i, s] of slides.entries()) {
    const art = s.picture
      ? `<draw:frame draw:style-name="gr0" svg:x="18.5cm" svg:y="4cm" svg:width="8.5cm" svg:height="6.4cm"><draw:image><office:binary-data>${(await picture(i + 1)).toString('base64')}</office:binary-data></draw:image></draw:frame>`
      : `<draw:ellipse draw:style-name="gr${((i + 1) % 3) + 1}" svg:x="19cm" svg:y="5cm" svg:width="7cm" svg:height="7cm"/>`;
    const notes = s.notes
      ? `<presentation:notes><draw:page-thumbnail svg:width="14cm" svg:height="8cm" svg:x="3.5cm" svg:y="2cm" draw:page-number="${i + 1}" presentation:class="page"/><draw:frame presentation:class="notes" svg:x="2cm" svg:y="11cm" svg:width="17cm" svg:height="10cm"><draw:text-box>${s.notes
          .split('\n')
          .map((l) => `<text:p>${esc(l)}</text:p>`)
          .join('')}</draw:text-box></draw:frame></presentation:notes>`
      : '';
    pages.push(`<draw:page draw:name="p${i + 1}" draw:master-page-name="Default" draw:style-name="${s.hidden ? 'dpHidden' : 'dp1'}">
      <draw:rect draw:style-name="gr${(i % 3) + 1}" svg:x="0cm" svg:y="0cm" svg:width="28cm" svg:height="2.8cm"/>
      <draw:frame draw:style-name="gr0" svg:x="1.5cm" svg:y="0.3cm" svg:width="25cm" svg:height="2.4cm"><draw:text-box><text:p text:style-name="P1">${esc(s.title)}</text:p></draw:text-box></draw:frame>
      <draw:frame draw:style-name="gr0" svg:x="1.5cm" svg:y="3.5cm" svg:width="16cm" svg:height="11cm"><draw:text-box>${s.bullets.map((b) => `<text:p text:style-name="P2">• ${esc(b)}</text:p>`).join('')}</draw:text-box></draw:frame>
      ${art}${notes}
    </draw:page>`);
  }
  const fill = (name: string, color: string) =>
    `<style:style style:name="${name}" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="${color}"/></style:style>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">
 <office:styles><draw:gradient draw:name="g1" draw:style="linear" draw:start-color="#ffffff" draw:end-color="#e3ecf7" draw:angle="300" draw:border="0%"/></office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="28cm" fo:page-height="15.75cm" style:print-orientation="landscape"/></style:page-layout>
  <style:style style:name="dp1" style:family="drawing-page"><style:drawing-page-properties draw:fill="gradient" draw:fill-gradient-name="g1"/></style:style>
  <style:style style:name="dpHidden" style:family="drawing-page"><style:drawing-page-properties draw:fill="gradient" draw:fill-gradient-name="g1" presentation:visibility="hidden"/></style:style>
  <style:style style:name="gr0" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="none"/></style:style>
  ${fill('gr1', '#b71c1c')}${fill('gr2', '#f9a825')}${fill('gr3', '#1565c0')}
  <style:style style:name="P1" style:family="paragraph"><style:text-properties fo:font-size="28pt" fo:font-weight="bold" fo:color="#ffffff"/></style:style>
  <style:style style:name="P2" style:family="paragraph"><style:text-properties fo:font-size="20pt" fo:color="#222222"/></style:style>
 </office:automatic-styles>
 <office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1"/></office:master-styles>
 <office:body><office:presentation>${pages.join('\n')}</office:presentation></office:body>
</office:document>`;
}

export interface OfficeFixtureOptions {
  soffice?: string;
  /** LibreOffice profile to use (a fresh one is slow to create). */
  profileDir: string;
  /** PDF only: encrypt with this password to open. */
  password?: string;
}

/** Writes the slides as `<dir>/<name>.<format>` through LibreOffice and returns the path. */
export async function officeFixture(
  dir: string,
  name: string,
  slides: FixtureSlide[],
  format: 'pdf' | 'pptx' | 'odp',
  options: OfficeFixtureOptions,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const source = join(dir, `${name}.fodp`);
  await writeFile(source, await flatOdp(slides));
  const filter =
    format === 'pdf' && options.password
      ? `pdf:impress_pdf_Export:${JSON.stringify({
          EncryptFile: { type: 'boolean', value: 'true' },
          DocumentOpenPassword: { type: 'string', value: options.password },
        })}`
      : format === 'pdf'
        ? 'pdf:impress_pdf_Export'
        : format;
  const profile = `-env:UserInstallation=file://${options.profileDir}`;
  const result = await runTool(
    options.soffice ?? 'soffice',
    ['--headless', '--norestore', profile, '--convert-to', filter, '--outdir', dir, source],
    {
      env: { ...process.env, HOME: dir },
    },
  );
  const out = join(dir, `${name}.${format}`);
  try {
    await readFile(out);
  } catch {
    throw new Error(`LibreOffice did not write ${out}: ${result.stderr}`);
  }
  return out;
}

/**
 * Makes the notes of a LibreOffice-written PPTX look like PowerPoint's: the text in a body
 * placeholder, next to a slide-number placeholder that is not part of the notes.
 */
export async function asPowerPointNotes(pptxPath: string): Promise<void> {
  const files = unzipSync(new Uint8Array(await readFile(pptxPath)));
  for (const [name, data] of Object.entries(files)) {
    const m = name.match(/^ppt\/notesSlides\/notesSlide(\d+)\.xml$/);
    if (!m) continue;
    const slideNumber = `<p:sp><p:nvSpPr><p:cNvPr id="900" name="Slide Number"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldNum" idx="5"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>${m[1]}</a:t></a:r></a:p></p:txBody></p:sp>`;
    const xml = strFromU8(data)
      .replace(
        /<p:cNvSpPr txBox="1"\/><p:nvPr\/>/g,
        '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr>',
      )
      .replace('</p:spTree>', `${slideNumber}</p:spTree>`);
    files[name] = strToU8(xml);
  }
  await writeFile(pptxPath, zipSync(files));
}
