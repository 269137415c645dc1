import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts file under apps/api/src, tests left out. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(e.name) ? [path] : [];
  });
}

describe('request and response DTOs', () => {
  // The OpenAPI document names a DTO's schema after its class: two classes of one name (an
  // "OpenDto" for feedback and one for programmes) left one endpoint documented with the other's body.
  it('have names unique across the API, so the OpenAPI document gives each endpoint its own schema', () => {
    const seen = new Map<string, string[]>();
    for (const file of sources(join(__dirname, '..'))) {
      for (const [, name] of readFileSync(file, 'utf8').matchAll(/class (\w+) extends createZodDto\(/g))
        seen.set(name!, [...(seen.get(name!) ?? []), file.slice(file.indexOf('src/'))]);
    }
    expect(seen.size).toBeGreaterThan(20);
    expect([...seen].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});
