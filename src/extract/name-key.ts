/**
 * The one key for comparing names, used both to check the gazetteers (two entries may not share a
 * key) and to match text against them, so that what validation calls one name is what matching
 * finds. Accents, case, whitespace, hyphens and dashes, underscores, apostrophes and ordinary
 * punctuation are dropped ("MS-COCO" = "MS COCO", "WMT'14" = "WMT14", "Touché" = "Touche");
 * dots, slashes, plus signs, ampersands and non-ASCII symbols are kept because they change what is
 * named ("SQuAD 1.1", "CNN/DM", "RefCOCO+", "M&Ms" is not "MMs", "∞Bench" is not "Bench").
 * Called for every token, so plain ASCII takes a loop instead of normalize() and a regex.
 */
export function nameKey(s: string): string {
  return key(s, true);
}

/** The same key with case kept: spellings of an ambiguous entry, which matches case-sensitively. */
export function caseKeptNameKey(s: string): string {
  return key(s, false);
}

function key(s: string, lower: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) out += s[i];
    else if (c >= 65 && c <= 90) out += lower ? String.fromCharCode(c + 32) : s[i];
    else if ((c >= 48 && c <= 57) || c === 46 || c === 43 || c === 47 || c === 38) out += s[i];
    else if (c > 127) return slowKey(s, lower);
  }
  return out;
}

const caches = { true: new Map<string, string>(), false: new Map<string, string>() };
const ASCII_KEPT = /[a-zA-Z0-9.+/&]/;
const NON_ASCII_KEPT = /[\p{L}\p{N}\p{S}]/u;

function slowKey(s: string, lower: boolean): string {
  const cache = caches[`${lower}`];
  let k = cache.get(s);
  if (k === undefined) {
    k = '';
    const decomposed = s.normalize('NFKD').replace(/\p{M}/gu, '');
    for (const ch of lower ? decomposed.toLowerCase() : decomposed) {
      if (ch.length === 1 && ch.charCodeAt(0) <= 127 ? ASCII_KEPT.test(ch) : NON_ASCII_KEPT.test(ch)) k += ch;
    }
    if (cache.size < 100_000) cache.set(s, k);
  }
  return k;
}
