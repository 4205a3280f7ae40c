/**
 * Key for comparing names: lowercase, accents, spaces, hyphens and apostrophes dropped; dots,
 * slashes and plus signs kept because they carry meaning ("SQuAD 1.1", "CNN/DM", "RefCOCO+").
 * Called for every token, so plain ASCII takes a loop instead of normalize() and a regex.
 */
export function nameKey(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) out += s[i];
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if ((c >= 48 && c <= 57) || c === 46 || c === 43 || c === 47) out += s[i];
    else if (c > 127) return slowKey(s);
  }
  return out;
}

const cache = new Map<string, string>();

function slowKey(s: string): string {
  let k = cache.get(s);
  if (k === undefined) {
    k = s
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9.+/]/g, '');
    if (cache.size < 100_000) cache.set(s, k);
  }
  return k;
}
