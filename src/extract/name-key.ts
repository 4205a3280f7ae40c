/**
 * Key for comparing names: lowercase, accents, spaces, hyphens and apostrophes dropped; dots,
 * slashes and plus signs kept because they carry meaning ("SQuAD 1.1", "CNN/DM", "RefCOCO+").
 */
export function nameKey(s: string): string {
  let k = cache.get(s);
  if (k === undefined) {
    k = s
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9.+/]/g, '');
    if (cache.size < 200_000) cache.set(s, k);
  }
  return k;
}

const cache = new Map<string, string>();
