/**
 * Just enough XML reading for the parts of PPTX and ODP packages we look at (speaker notes,
 * relationships): elements, attributes and text, no DTDs. Office writers emit well-formed XML, and
 * a regex scanner keeps us free of a parser dependency for a few kilobytes per slide.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
}

export interface XmlVisitor {
  open?(el: XmlElement, stack: readonly XmlElement[]): void;
  close?(name: string, stack: readonly XmlElement[]): void;
  text?(text: string, stack: readonly XmlElement[]): void;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return entities[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const token =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][\s\S]*?>|<(\/?)([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;
const attribute = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Walks the document in order; `stack` holds the open ancestors (innermost last). */
export function walkXml(xml: string, visitor: XmlVisitor): void {
  const stack: XmlElement[] = [];
  for (const m of xml.matchAll(token)) {
    const [, cdata, closing, name, rawAttrs, selfClosing, text] = m;
    if (cdata !== undefined) visitor.text?.(cdata, stack);
    else if (text !== undefined) visitor.text?.(decodeXml(text), stack);
    else if (name === undefined)
      continue; // comment, declaration, processing instruction
    else if (closing) {
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
      visitor.close?.(name, stack);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of (rawAttrs ?? '').matchAll(attribute)) attrs[a[1]!] = decodeXml(a[2] ?? a[3] ?? '');
      const el = { name, attrs };
      visitor.open?.(el, stack);
      if (selfClosing) visitor.close?.(name, stack);
      else stack.push(el);
    }
  }
}

/** The first element with this name, or undefined. */
export function findElement(xml: string, name: string): XmlElement | undefined {
  let found: XmlElement | undefined;
  walkXml(xml, {
    open(el) {
      if (!found && el.name === name) found = el;
    },
  });
  return found;
}
