/**
 * Yearly editions of a curated dataset or challenge: "PASCAL VOC 2011", "VOC07", "2013 BRATS",
 * "BRATS-2013", "WMT’15". Each edition is its own data (VOC 2007 and VOC 2012 are different test
 * sets), so a paper that names two editions evaluates on two things. Only an entry whose name has
 * no digits has editions: "WMT14" and "iSEG-2017" are editions already.
 */
import type { Token } from './text.ts';

export interface EditionEntry {
  names: readonly string[];
}

const YEAR4 = /^(?:19|20)\d\d$/;
/** "WMT’15", "VOC07", "BRATS-2013", "COCO2014": a name with a year glued on. */
const SUFFIXED = /^([A-Za-z][A-Za-z.&+]*?)([-’'_]?)((?:19|20)\d\d|\d\d)$/;

/** Whether an entry can have editions: none of its names is already one. */
export const hasEditions = (e: EditionEntry): boolean => !/\d/.test(e.names[0] ?? '0');

/** Whether the entry itself lists a yearly spelling ("VOC2007"): then "VOC07" is a year, not a version. */
const listsYears = (e: EditionEntry) => e.names.some((n) => /(?:19|20)\d\d/.test(n));

const fullYear = (digits: string) => (digits.length === 4 ? digits : Number(digits) <= 40 ? `20${digits}` : `19${digits}`);

/** The year a name as written carries ("VOC2012" -> 2012), when the entry's own name has none. */
export function yearInName(surface: string, e: EditionEntry): string | undefined {
  if (!hasEditions(e)) return undefined;
  const m = /(?:^|[^0-9])((?:19|20)\d\d)(?:$|[^0-9])/.exec(surface);
  return m ? m[1] : undefined;
}

/** A token "<name><year>" ("VOC07"): its name part and year, when the year reads as a year. */
export function splitSuffixedYear(token: string): { stem: string; digits: string; marked: boolean } | undefined {
  const m = SUFFIXED.exec(token);
  if (!m || m[1]!.length < 2) return undefined;
  return { stem: m[1]!, digits: m[3]!, marked: m[2] !== '' };
}

/** The year of a glued-on suffix, or undefined when two bare digits may be a version ("CIFAR10"). */
export function suffixYear(split: { digits: string; marked: boolean }, e: EditionEntry): string | undefined {
  if (!hasEditions(e)) return undefined;
  if (split.digits.length === 2 && !split.marked && !listsYears(e)) return undefined;
  return fullYear(split.digits);
}

/**
 * A year written next to a matched name: after it ("PASCAL VOC 2011") or before it ("the 2013
 * BRATS test set"). Returns the year and the widened token range.
 */
export function adjacentYear(tokens: readonly Token[], first: number, last: number, e: EditionEntry): { year: string; first: number; last: number } | undefined {
  if (!hasEditions(e)) return undefined;
  const after = tokens[last + 1];
  if (after && after.sentence === tokens[last]!.sentence && YEAR4.test(after.text)) return { year: after.text, first, last: last + 1 };
  const before = tokens[first - 1];
  // "from 2012 to 2013 BRATS" or "2012, 2013 BRATS" is a range or a list, not one edition.
  const beforeThat = tokens[first - 2];
  if (before && before.sentence === tokens[first]!.sentence && YEAR4.test(before.text) && !(beforeThat && /^(?:\d+|,|to|and|-|–)$/.test(beforeThat.text)))
    return { year: before.text, first: first - 1, last };
  return undefined;
}
