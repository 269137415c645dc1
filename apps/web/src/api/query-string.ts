/** `?a=1&b=2` from the defined, non-empty parameters; '' when there are none. */
export function toSearch(params: Record<string, string | undefined>): string {
  const qs = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => !!e[1]),
  ).toString();
  return qs ? `?${qs}` : '';
}
