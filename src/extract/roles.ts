/**
 * What a sentence says a paper does with a dataset it names: INTRODUCES (the paper presents it),
 * EVALUATED_ON (the paper's own experiments or results use it) or USES (training or pre-training
 * data, background, related work, a cited model's data: named, but not evaluated on).
 *
 * The decision reads cue words, not sentences: an evaluation word ("evaluate", "results",
 * "outperforms", "accuracy"), the paper's own voice ("we", "our", "experiments"), background
 * markers ("previous", "widely used", "have been"), and a training verb governing the name
 * ("pre-trained on X", "a network used for X classification").
 */
import type { DatasetRole } from '../model/mention.ts';
import type { AnalysedText, Token } from './text.ts';
import { INTRODUCE_VERBS } from './vocabulary.ts';

const EVAL = 1;
const SELF = 2;
const BACKGROUND = 4;
const TRAIN = 8;
const PURPOSE = 16;
const INTRO = 32;

const EVAL_PREFIXES = ['evaluat', 'experiment', 'result', 'outperform', 'achiev', 'surpass', 'state-of-the-art', 'sota', 'accura', 'test', 'report', 'perform', 'improv', 'score', 'rank', 'beat', 'exceed', 'benchmarking', 'benchmarked', 'validat', 'compar', 'error', 'bleu', 'f1', 'auc', 'gain', 'demonstrat', 'show', 'top-1', 'top-5', 'map', 'miou', 'psnr', 'perplexit', 'competitive'];
const SELF_WORDS = new Set(['we', 'our', 'ours', 'us', 'proposed', 'this', 'experiments', 'experimental', 'extensive', 'results']);
const BACKGROUND_WORDS = new Set(['previous', 'previously', 'prior', 'existing', 'recent', 'recently', 'traditional', 'traditionally', 'conventional', 'typically', 'commonly', 'widely', 'popular', 'usually', 'often', 'been', 'al', 'originally', 'known', 'standard']);
const TRAIN_PREFIXES = ['pre-train', 'pretrain', 'train', 'learn', 'initiali', 'fine-tun', 'finetun', 'distill'];
const PURPOSE_VERBS = new Set(['used', 'designed', 'developed', 'built', 'created', 'collected']);

function flagsOf(lower: string): number {
  let f = 0;
  if (EVAL_PREFIXES.some((p) => lower.startsWith(p))) f |= EVAL;
  if (SELF_WORDS.has(lower)) f |= SELF;
  if (BACKGROUND_WORDS.has(lower)) f |= BACKGROUND;
  if (TRAIN_PREFIXES.some((p) => lower.startsWith(p))) f |= TRAIN;
  if (PURPOSE_VERBS.has(lower)) f |= PURPOSE;
  if (INTRODUCE_VERBS.has(lower)) f |= INTRO;
  return f;
}

/** Kept on the spelling's shared record (text.ts Word): a corpus repeats its words. */
const cueOf = (t: Token): number => (t.word.cue >= 0 ? t.word.cue : (t.word.cue = flagsOf(t.lower)));

/** Whether a token is an evaluation word ("evaluate", "results", "outperforms"). */
export const isEvaluationWord = (t: Token): boolean => (cueOf(t) & EVAL) !== 0;

/** Per sentence: the union of its words' cue flags, computed once per text. */
export function sentenceCues(t: AnalysedText): Uint8Array {
  const out = new Uint8Array(t.sentences.length);
  for (const tok of t.tokens) out[tok.sentence]! |= cueOf(tok);
  return out;
}

const SUBJECTS = new Set(['we', 'this', 'our', 'here']);
const BLOCKERS = new Set(['on', 'across', 'using', 'with', 'from', 'over', 'against', 'than', 'via', 'of']);

/** "we introduce / this paper presents X": an introducing verb governs the name. */
function introduces(t: AnalysedText, index: number): boolean {
  const { tokens } = t;
  const sent = t.sentences[tokens[index]!.sentence]!;
  let sawSubject = false;
  for (let i = sent.first; i < index; i++) {
    const w = tokens[i]!.lower;
    if (SUBJECTS.has(w)) sawSubject = true;
    if (sawSubject && INTRODUCE_VERBS.has(w)) {
      let blocked = false;
      for (let j = i + 1; j < index; j++) if (BLOCKERS.has(tokens[j]!.lower) || INTRODUCE_VERBS.has(tokens[j]!.lower)) blocked = true;
      if (!blocked && index - i <= 12) return true;
    }
  }
  return false;
}

/** "pre-trained on X", "trained on large-scale X", "a network used for X classification". */
function governedByTraining(t: AnalysedText, index: number): boolean {
  const { tokens } = t;
  const sent = t.sentences[tokens[index]!.sentence]!;
  for (let i = index - 1; i >= Math.max(sent.first, index - 6); i--) {
    const f = cueOf(tokens[i]!);
    if (f & EVAL) return false;
    if (f & TRAIN) return true;
    if (tokens[i]!.lower === 'for' && i > sent.first && cueOf(tokens[i - 1]!) & PURPOSE) return true;
  }
  return false;
}

export function datasetRole(t: AnalysedText, index: number, field: 'title' | 'abstract', cues: Uint8Array): DatasetRole {
  const { tokens } = t;
  if (field === 'title') return tokens[1]?.text === ':' && index === 0 ? 'INTRODUCES' : 'EVALUATED_ON';
  const c = cues[tokens[index]!.sentence]!;
  if (c & INTRO && introduces(t, index)) return 'INTRODUCES';
  if (!(c & EVAL) || ((c & BACKGROUND) && !(c & SELF))) return 'USES';
  return governedByTraining(t, index) ? 'USES' : 'EVALUATED_ON';
}
