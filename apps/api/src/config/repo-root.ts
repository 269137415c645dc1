import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | null = null;

/** The checkout the app runs from (it holds prisma/ and infra/), found from this file's location. */
export function repoRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  while (!existsSync(join(dir, 'prisma', 'schema.prisma'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the HallBridge checkout above ${__dirname}`);
    dir = parent;
  }
  cached = dir;
  return dir;
}
