import { en } from './en';
import { vi } from './vi';

type Tree = { [key: string]: string | Tree };

/** Every message of a catalogue as "a.b.c" → text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('i18n catalogues', () => {
  const source = flatten(vi as unknown as Tree);
  const english = flatten(en as unknown as Tree);

  it('gives English exactly the keys of the Vietnamese source', () => {
    const missing = [...source.keys()].filter((k) => !english.has(k));
    const extra = [...english.keys()].filter((k) => !source.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('uses the same placeholders in both languages, and leaves no message empty', () => {
    const mismatched = [...source].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(english.get(key) ?? '').join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
    const empty = [...source, ...english].filter(([, text]) => !text.trim()).map(([key]) => key);
    expect(empty).toEqual([]);
  });
});
