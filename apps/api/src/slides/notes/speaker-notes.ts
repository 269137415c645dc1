import { posix } from 'node:path';
import { walkXml, type XmlElement } from './xml-walk';

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const inside = (stack: readonly XmlElement[], localName: string) =>
  stack.some((e) => local(e.name) === localName);

/** Trims each line and drops leading/trailing blank lines; Vietnamese text is kept composed (NFC). */
function tidy(paragraphs: string[]): string | null {
  const text = paragraphs
    .join('\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .normalize('NFC');
  return text.trim() === '' ? null : text;
}

/** Resolves a relationship target ("../notesSlides/notesSlide1.xml" or "/ppt/…") against the part's folder. */
export function resolvePart(fromFolder: string, target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(fromFolder, target));
}

/** Relationship id → target, from a `_rels/*.rels` part; `typeSuffix` filters by relationship type. */
export function relationships(relsXml: string, typeSuffix?: string): Map<string, string> {
  const out = new Map<string, string>();
  walkXml(relsXml, {
    open(el) {
      if (local(el.name) !== 'Relationship' || el.attrs.TargetMode === 'External') return;
      if (typeSuffix && !el.attrs.Type?.endsWith(typeSuffix)) return;
      const { Id: id, Target: target } = el.attrs;
      if (id && target) out.set(id, target);
    },
  });
  return out;
}

/** Slide part paths in show order, from ppt/presentation.xml and its relationships. */
export function pptxSlideParts(presentationXml: string, presentationRelsXml: string): string[] {
  const rels = relationships(presentationRelsXml, '/slide');
  const parts: string[] = [];
  walkXml(presentationXml, {
    open(el, stack) {
      if (local(el.name) !== 'sldId' || !inside(stack, 'sldIdLst')) return;
      const rid = Object.entries(el.attrs).find(([k]) => local(k) === 'id' && k.includes(':'))?.[1];
      const target = rid ? rels.get(rid) : undefined;
      if (target) parts.push(resolvePart('ppt', target));
    },
  });
  return parts;
}

/** PowerPoint leaves hidden slides (`<p:sld show="0">`) out of the PDF, so their notes must go too. */
export function isHiddenPptxSlide(slideXml: string): boolean {
  const root = slideXml.match(/<(?:[\w.-]+:)?sld[\s>/][^>]*>/)?.[0] ?? '';
  return /\sshow\s*=\s*["'](0|false)["']/.test(root);
}

/** Placeholders on a notes page that are not the speaker's text. */
const notTheNotes = new Set(['sldImg', 'sldNum', 'hdr', 'ftr', 'dt']);

/**
 * The speaker's text on a PPTX notes page (ppt/notesSlides/notesSlideN.xml). PowerPoint puts it in
 * the body placeholder; other writers (LibreOffice among them) may use plain text boxes, which count
 * when no body placeholder has text. A shape whose only text is fields (`<a:fld>`: the slide number,
 * the date) is furniture of the page wherever it sits, not notes: a notes page holding only its slide
 * number has no notes.
 */
export function pptxNotesText(notesXml: string): string | null {
  interface Shape {
    placeholder: string | null;
    paragraphs: string[];
    /** Some text outside fields. */
    written: boolean;
  }
  const shapes: Shape[] = [];
  let shape: Shape | null = null;
  walkXml(notesXml, {
    open(el, stack) {
      const name = local(el.name);
      if (name === 'sp') shape = { placeholder: null, paragraphs: [], written: false };
      else if (!shape) return;
      else if (name === 'ph' && inside(stack, 'nvPr')) shape.placeholder = el.attrs.type ?? 'obj';
      else if (name === 'p' && inside(stack, 'txBody')) shape.paragraphs.push('');
      else if (name === 'br' && shape.paragraphs.length)
        shape.paragraphs[shape.paragraphs.length - 1] += '\n';
    },
    text(text, stack) {
      if (!shape || !shape.paragraphs.length || local(stack[stack.length - 1]?.name ?? '') !== 't') return;
      shape.paragraphs[shape.paragraphs.length - 1] += text;
      if (!inside(stack, 'fld') && text.trim()) shape.written = true;
    },
    close(name) {
      if (local(name) === 'sp' && shape) {
        shapes.push(shape);
        shape = null;
      }
    },
  });
  const speaking = shapes.filter((s) => s.written && !notTheNotes.has(s.placeholder ?? ''));
  const body = speaking.filter((s) => s.placeholder === 'body' && tidy(s.paragraphs));
  const chosen = body.length
    ? body
    : speaking.filter((s) => s.placeholder === null || s.placeholder === 'obj');
  return tidy(chosen.map((s) => tidy(s.paragraphs)).filter((t): t is string => t !== null));
}

/** Frames on an ODP notes page that are not the speaker's text. */
const notOdpNotes = new Set(['page', 'page-number', 'header', 'footer', 'date-time']);
/** ODF fields: their text alone does not make notes. */
const odfFields = new Set([
  'text:page-number',
  'text:page-count',
  'text:date',
  'text:time',
  'presentation:date-time',
  'presentation:header',
  'presentation:footer',
]);

/**
 * Speaker notes of every shown page of an ODP (content.xml), in order. Pages whose drawing-page
 * style says `presentation:visibility="hidden"` are skipped, as LibreOffice's PDF export skips them.
 */
export function odpNotes(contentXml: string): (string | null)[] {
  const hiddenStyles = new Set<string>();
  const pages: (string | null)[] = [];
  let styleName: string | null = null;
  let page: { hidden: boolean; paragraphs: string[] } | null = null;
  let inNotes = false;
  /** The text frame being read on a notes page; null outside one, or in one that is not notes. */
  let frame: { paragraphs: string[]; written: boolean } | null = null;
  let skipping = 0;
  let fields = 0;
  let paragraph: string | null = null;

  walkXml(contentXml, {
    open(el) {
      const name = el.name;
      if (name === 'style:style') styleName = el.attrs['style:name'] ?? null;
      else if (
        name === 'style:drawing-page-properties' &&
        styleName &&
        el.attrs['presentation:visibility'] === 'hidden'
      )
        hiddenStyles.add(styleName);
      else if (name === 'draw:page')
        page = { hidden: hiddenStyles.has(el.attrs['draw:style-name'] ?? ''), paragraphs: [] };
      else if (name === 'presentation:notes') inNotes = true;
      else if (!inNotes || !page) return;
      else if (name === 'draw:frame') {
        if (notOdpNotes.has(el.attrs['presentation:class'] ?? '')) skipping++;
        else if (!skipping) frame = { paragraphs: [], written: false };
      } else if (!frame || skipping) return;
      else if (odfFields.has(name)) fields++;
      else if (name === 'text:p' || name === 'text:h') paragraph = '';
      else if (paragraph === null) return;
      else if (name === 'text:s') paragraph += ' '.repeat(Math.max(1, Number(el.attrs['text:c'] ?? 1)));
      else if (name === 'text:tab') paragraph += '\t';
      else if (name === 'text:line-break') paragraph += '\n';
    },
    text(text) {
      if (paragraph === null || !frame) return;
      // ODF collapses white space in text; explicit spaces come as <text:s/>.
      paragraph += text.replace(/[ \t\r\n]+/g, ' ');
      if (!fields && text.trim()) frame.written = true;
    },
    close(name) {
      if (name === 'style:style') styleName = null;
      else if (odfFields.has(name)) fields = Math.max(0, fields - 1);
      else if ((name === 'text:p' || name === 'text:h') && paragraph !== null && frame) {
        frame.paragraphs.push(paragraph.replace(/^ +| +$/gm, ''));
        paragraph = null;
      } else if (name === 'draw:frame' && inNotes) {
        if (skipping) skipping--;
        else if (frame && page) {
          if (frame.written) page.paragraphs.push(...frame.paragraphs);
          frame = null;
        }
      } else if (name === 'presentation:notes') inNotes = false;
      else if (name === 'draw:page' && page) {
        if (!page.hidden) pages.push(tidy(page.paragraphs));
        page = null;
      }
    },
  });
  return pages;
}

/** Notes per PDF page: the converter's page count wins if the two ever disagree. */
export function alignNotes(notes: (string | null)[], pageCount: number): (string | null)[] | null {
  const aligned = Array.from({ length: pageCount }, (_, i) => notes[i] ?? null);
  return aligned.some((n) => n !== null) ? aligned : null;
}
