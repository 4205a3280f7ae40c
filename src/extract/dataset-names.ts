/**
 * Curated dataset names in a text, with the edition each one names: the gazetteer's names as
 * findNames finds them, "<name><year>" tokens ("VOC07", "WMT’15"), a year beside the name ("PASCAL
 * VOC 2011", "2013 BRATS") and a capitalised cue word that is part of the name as written
 * ("iSEG-2017 Challenge").
 */
import { adjacentYear, splitSuffixedYear, suffixYear, yearInName } from './editions.ts';
import { caseAccepts, findNames, nameKey, type NameIndex, type NameMatch, type NamedThing } from './name-index.ts';
import type { AnalysedText } from './text.ts';
import { DATASET_CUES } from './vocabulary.ts';

export interface DatasetThing extends NamedThing {
  kind: 'dataset' | 'benchmark' | 'environment';
}

export interface DatasetNameMatch extends NameMatch<DatasetThing> {
  /** Four-digit year of the edition named, when one is. */
  edition?: string;
}

export function findDatasetNames(t: AnalysedText, index: NameIndex<DatasetThing>): DatasetNameMatch[] {
  const { text, tokens } = t;
  const out: DatasetNameMatch[] = findNames(text, tokens, index);
  const covered = new Uint8Array(tokens.length);
  for (const m of out) covered.fill(1, m.first, m.last + 1);
  for (let i = 0; i < tokens.length; i++) {
    const last = tokens[i]!.text.charCodeAt(tokens[i]!.text.length - 1);
    if (covered[i] || last < 48 || last > 57) continue;
    const split = splitSuffixedYear(tokens[i]!.text);
    const hit = split && index.byKey.get(nameKey(split.stem))?.find((h) => caseAccepts(split.stem, h.name, h.thing.ambiguous));
    const year = hit && suffixYear(split, hit.thing);
    if (hit && year) out.push({ thing: hit.thing, name: hit.name, first: i, last: i, edition: year });
  }
  out.sort((a, b) => a.first - b.first);
  for (const m of out) {
    if (!m.edition) {
      const own = yearInName(text.slice(tokens[m.first]!.start, tokens[m.last]!.end), m.thing);
      const near = own ? undefined : adjacentYear(tokens, m.first, m.last, m.thing);
      const taken = near && out.some((o) => o !== m && o.last >= near.first && o.first <= near.last);
      if (own) m.edition = own;
      else if (near && !taken) Object.assign(m, { first: near.first, last: near.last, edition: near.year });
    }
    const next = tokens[m.last + 1];
    if (next && next.sentence === tokens[m.last]!.sentence && /^[A-Z]/.test(next.text) && DATASET_CUES.has(next.lower) && !out.some((o) => o.first === m.last + 1)) m.last++;
  }
  return out;
}
