/**
 * Finds known names (gazetteer datasets, benchmarks, tasks, models) in a token stream. A name
 * matches whatever its spacing, hyphenation and (for unambiguous names) case: "MS-COCO", "MS COCO"
 * and "Microsoft COCO" all reach the COCO entry, "NYUDv2" and "NYUD-v2" reach NYU Depth v2.
 */
import { perSpelling, type Token, type Word } from './text.ts';
import { nameKey } from './name-key.ts';
import { KeyTrie, NOWHERE, ROOT } from './key-trie.ts';

export { nameKey };

export interface NamedThing {
  id: string;
  names: readonly string[];
  /** Also an ordinary word: match only in the listed case and only where a cue says "dataset". */
  ambiguous?: boolean;
}

export interface NameIndex<T extends NamedThing> {
  byKey: Map<string, { thing: T; name: string }[]>;
  /** byKey as a trie: a scan extends its key token by token and stops as soon as no name can follow. */
  trie: KeyTrie<{ thing: T; name: string }[]>;
  /**
   * Keys a name's first token can have: the keys of its leading words, split wherever a tokenizer
   * may split ("MS COCO" -> "ms", "mscoco"; "WMT14" -> "wmt", "wmt14"). Most tokens ("the", "on")
   * start no name, and the scan skips them without building a key.
   */
  starts: Set<string>;
  /** starts.has(word.key), asked once per spelling (see text.ts perSpelling). */
  mayStart: (w: Word) => boolean;
  maxTokens: number;
}

export interface NameMatch<T> {
  thing: T;
  name: string;
  first: number;
  last: number;
}

/**
 * "Caltech-UCSD bird dataset" for "Caltech-UCSD Birds": a name of several words ending in a plural
 * is also written with the singular before a cue noun.
 */
function singularOf(name: string): string[] {
  const m = /^(.+[\s-][A-Za-z]{3,}[^s])s$/.exec(name);
  return m ? [m[1]!] : [];
}

export function buildNameIndex<T extends NamedThing>(things: readonly T[]): NameIndex<T> {
  const byKey = new Map<string, { thing: T; name: string }[]>();
  let maxTokens = 1;
  for (const thing of things) {
    for (const name of [...thing.names, ...thing.names.flatMap(singularOf)]) {
      const key = nameKey(name);
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      if (list.length > 0 && !thing.names.includes(name)) continue;
      if (!list.some((e) => e.thing === thing)) list.push({ thing, name });
      byKey.set(key, list);
      // Tokens a name can span: words plus the hyphens and dots between them.
      maxTokens = Math.max(maxTokens, name.split(/(?=[-\s./])|(?<=[-\s./])/).filter((p) => p.trim()).length + 1);
    }
  }
  const starts = new Set<string>();
  for (const thing of things)
    for (const name of [...thing.names, ...thing.names.flatMap(singularOf)]) {
      // Split before and after joiners, between letters and digits, and after a symbol ("∞Bench"):
      // wherever wink may end a token ("Human3" "." "6M", "FF" "+" "+").
      const parts = name.split(/(?<=[\s\-./'&+:_])|(?=[-./'&+:_])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])|(?<=[^A-Za-z0-9\s])(?=[A-Za-z0-9])/);
      let lead = '';
      for (const p of parts) {
        lead += p;
        const k = nameKey(lead);
        if (k) starts.add(k);
      }
    }
  return { byKey, trie: new KeyTrie(byKey), starts, mayStart: perSpelling((w) => starts.has(w.key)), maxTokens };
}

/** Characters that may sit inside a name ("MS-COCO", "GPT-3.5", "Charades/STA"); others end it. */
const JOINERS = new Set(['-', '.', '/', "'", '&', '+', ':', '!']);
/** Joiners that can also end a name: "RefCOCO+" and "ScanNet++" are datasets of their own. */
const ENDINGS = new Set(['+']);

const hasUpperOrDigit = (s: string) => /[A-Z0-9]/.test(s);

const capitalCount = (s: string) => s.replace(/[^A-Z]/g, '').length;

/** Whether text written `surface` may be the name `name` (see findNames). */
export function caseAccepts(surface: string, name: string, ambiguous: boolean | undefined): boolean {
  if (ambiguous) return surface.replace(/[\s-]/g, '') === name.replace(/[\s-]/g, '');
  // A capitalised or digit-bearing name must look like a name in the text too: "coco" in
  // running lowercase text is not evidence of COCO, nor "Multiple" of MultiPL-E.
  if (!hasUpperOrDigit(name)) return true;
  return hasUpperOrDigit(surface) && capitalCount(surface) >= Math.min(2, capitalCount(name));
}

/**
 * Longest-first scan. A match must start and end on word boundaries: "COCO" inside "COCO-Stuff"
 * is not COCO, so a name followed by an attached hyphenated word is skipped.
 */
/** "KILTs", "LLMs": an acronym with a plural s. */
function isPluralAcronym(s: string): boolean {
  const n = s.length;
  if (n < 3 || s.charCodeAt(n - 1) !== 115) return false;
  const c = s.charCodeAt(n - 2);
  return c >= 65 && c <= 90;
}

export function findNames<T extends NamedThing>(
  text: string,
  tokens: readonly Token[],
  index: NameIndex<T>,
  from = 0,
  to = tokens.length - 1,
): NameMatch<T>[] {
  const out: NameMatch<T>[] = [];
  const { trie, byKey, mayStart } = index;
  let i = from;
  while (i <= to) {
    const t = tokens[i]!;
    let best: NameMatch<T> | undefined;
    // A name starts with a letter or digit; its key must begin some known name.
    if (t.key.length > 0 && (mayStart(t.word) || (isPluralAcronym(t.text) && byKey.has(t.key.slice(0, -1))))) {
      let node = ROOT;
      const end = Math.min(to, i + index.maxTokens);
      for (let j = i; j <= end; j++) {
        const tj = tokens[j]!;
        const joiner = JOINERS.has(tj.text);
        // Only words and joiners ("-", ".", "/") continue a name.
        if (j > i && !joiner && tj.key.length === 0) break;
        // Plural of an acronym: "KILTs" is KILT when no name goes on with the s.
        const singular = isPluralAcronym(tj.text) ? trie.walk(node, tj.key, tj.key.length - 1) : NOWHERE;
        node = trie.walk(node, tj.key);
        if (node === NOWHERE && trie.valueAt(singular) === undefined) break;
        if (j > i && joiner && !ENDINGS.has(tj.text)) continue;
        const hits = trie.valueAt(node) ?? trie.valueAt(singular);
        if (!hits) continue;
        const next = tokens[j + 1];
        const after = tokens[j + 2];
        const attached = next && !next.spaced && next.text === '-' && after && !after.spaced && after.key.length > 0;
        if (attached) continue;
        const surface = text.slice(t.start, tj.end);
        const hit = hits.find((h) => caseAccepts(surface, h.name, h.thing.ambiguous));
        if (hit) best = { thing: hit.thing, name: hit.name, first: i, last: j };
      }
    }
    if (best) {
      out.push(best);
      i = best.last + 1;
    } else i++;
  }
  return out;
}
