/** `--clients 500 --changes 20` → { clients: 500, changes: 20 }, with defaults. */
export function options<T extends Record<string, number | string>>(defaults: T): T {
  const out: Record<string, number | string> = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]!.replace(/^--/, '');
    if (!(key in defaults))
      throw new Error(`unknown option --${key}; known: ${Object.keys(defaults).join(', ')}`);
    const value = argv[++i];
    out[key] = typeof defaults[key] === 'number' ? Number(value) : String(value);
  }
  return out as T;
}
