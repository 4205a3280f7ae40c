/**
 * Author names as sources spell them ("Hinton, Geoffrey E.", "Geoffrey Hinton", "G. E. Hinton",
 * "Bal\'azs, C.") made displayable and comparable. The comparison key is surname plus first initial,
 * the usual bibliographic compromise: it merges the spellings of one person across sources at the
 * price of rarely merging two people with the same surname and initial.
 */

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md']);
/** Lower-case surname particles kept with the surname ("van der Maaten", "de Freitas"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'dos', 'das', 'ter', 'ten', 'bin', 'al']);

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function isSuffix(token: string): boolean {
  return SUFFIXES.has(token.toLowerCase().replace(/[.,]/g, ''));
}

/** Splits a name into given names and surname, from either "Last, First" or "First Last" order. */
export function splitAuthorName(name: string): { given: string; family: string } {
  const clean = collapse(name.replace(/[{}]/g, ''));
  const parts = clean.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length >= 2) {
    // "Last, First" or "Last, Jr., First" (BibTeX), or "Last, First, Jr."
    const rest = parts.slice(1).filter((p) => !isSuffix(p));
    const family = parts[0]!.split(' ').filter((t) => !isSuffix(t)).join(' ');
    return { family, given: rest.join(' ') };
  }
  const tokens = clean.split(' ').filter((t) => t && !isSuffix(t));
  if (tokens.length <= 1) return { given: '', family: tokens[0] ?? '' };
  let i = tokens.length - 1;
  // "Laurens van der Maaten": lower-case particles before the last word belong to the surname.
  while (i > 1 && PARTICLES.has(tokens[i - 1]!)) i--;
  return { given: tokens.slice(0, i).join(' '), family: tokens.slice(i).join(' ') };
}

/** "Hinton, Geoffrey E." -> "Geoffrey E. Hinton"; whitespace collapsed; "First Last" input unchanged. */
export function displayAuthorName(name: string): string {
  const { given, family } = splitAuthorName(name);
  return collapse(`${given} ${family}`);
}

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

/**
 * The comparison key of an author: "hinton g" for "Hinton, Geoffrey E.", "Geoffrey Hinton" and
 * "G. Hinton"; accents folded, punctuation and suffixes dropped. Empty for an empty name.
 */
export function normaliseAuthorName(name: string): string {
  const { given, family } = splitAuthorName(name);
  const fam = fold(family).replace(/[^a-z0-9\s-]/g, '').replace(/[\s-]+/g, ' ').trim();
  const initial = fold(given).replace(/[^a-z]/g, '').charAt(0);
  return initial ? `${fam} ${initial}` : fam;
}

/**
 * Splits an author list as CSV and generic sources write it: "A; B; C", "A and B and C",
 * or "A, B, C" (only when every comma-separated part looks like a whole name, so that a single
 * "Hinton, Geoffrey E." is not cut in two).
 */
export function splitAuthorList(list: string): string[] {
  const s = collapse(list);
  if (!s) return [];
  if (s.includes(';')) return s.split(';').map(collapse).filter(Boolean);
  if (/\s+and\s+/i.test(s)) {
    const parts = s.split(/\s*,\s*|\s+and\s+/i).map(collapse).filter(Boolean);
    // "Hinton, G. and LeCun, Y." keeps its commas inside names.
    if (s.split(/\s+and\s+/i).every((p) => p.includes(','))) return s.split(/\s+and\s+/i).map(collapse);
    return parts;
  }
  const commaParts = s.split(',').map(collapse).filter(Boolean);
  if (commaParts.length > 1 && commaParts.every((p) => p.split(' ').length >= 2)) return commaParts;
  return [s];
}
