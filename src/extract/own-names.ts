/**
 * The names a paper gives its own system: a title "X: ...", "we propose X", "a model called X".
 * Such a name is not a dataset of the same name in that paper ("Synapse: Trajectory-as-Exemplar
 * Prompting" is not the Synapse CT dataset), unless the text says it is data: the sentence or
 * title that introduces it says "dataset", "benchmark", "corpus"...
 */
import { nameKey } from './name-key.ts';
import type { AnalysedText, Token } from './text.ts';
import { DATASET_CUES, GENERIC_MODIFIERS } from './vocabulary.ts';

const NAMING = new Set(['called', 'named', 'dubbed', 'termed', 'coined']);
const PROPOSING = new Set(['propose', 'proposes', 'present', 'presents', 'introduce', 'introduces', 'develop', 'develops']);
const SKIP = new Set(['a', 'an', 'the', 'our', 'its']);

const looksCoined = (t: Token | undefined) => !!t && /^[A-Z0-9]/.test(t.text) && /[A-Za-z]/.test(t.text);

function sentenceHasCue(t: AnalysedText, sentence: number): boolean {
  const s = t.sentences[sentence]!;
  for (let i = s.first; i <= s.last; i++) if (DATASET_CUES.has(t.tokens[i]!.lower)) return true;
  return false;
}

/** Name keys of the systems this paper introduces as its own. */
export function ownSystemNames(title: AnalysedText, abstract: AnalysedText): Set<string> {
  const out = new Set<string>();
  const tt = title.tokens;
  if (tt[1]?.text === ':' && looksCoined(tt[0]) && !tt.slice(2, 9).some((x) => DATASET_CUES.has(x.lower))) out.add(nameKey(tt[0]!.text));
  const { tokens } = abstract;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const w = tokens[i]!.lower;
    if (!NAMING.has(w) && !PROPOSING.has(w)) continue;
    let k = i + 1;
    // "called X", "we propose a novel X": determiners and evaluative words may come first.
    while (k < tokens.length && k <= i + 3 && (SKIP.has(tokens[k]!.lower) || GENERIC_MODIFIERS.has(tokens[k]!.lower))) k++;
    const name = tokens[k];
    if (!looksCoined(name) || name!.sentence !== tokens[i]!.sentence) continue;
    // "we propose X, ..." needs the name right after the verb; "called" may be followed by any name.
    if (PROPOSING.has(w) && k !== i + 1) continue;
    if (!sentenceHasCue(abstract, name!.sentence)) out.add(nameKey(name!.text));
  }
  return out;
}
