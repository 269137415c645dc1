import type { GradeLevel } from '@hallbridge/contracts';

/**
 * The grade scale as the organiser types it: one grade per line, best first, a trailing "*" for a
 * grade that does not pass. Keys of grades whose label is unchanged are kept, so grades already
 * given still match.
 */
export function scaleToText(scale: readonly GradeLevel[]): string {
  return scale.map((g) => `${g.label}${g.passing ? '' : ' *'}`).join('\n');
}

export function scaleFromText(text: string, previous: readonly GradeLevel[]): GradeLevel[] {
  const used = new Set<string>();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => {
      const passing = !line.endsWith('*');
      const label = passing ? line : line.slice(0, -1).trim();
      let key = previous.find((g) => g.label === label && !used.has(g.key))?.key ?? `g${i + 1}`;
      for (let n = i + 1; used.has(key); n++) key = `g${n}`;
      used.add(key);
      return { key, label, passing };
    });
}
