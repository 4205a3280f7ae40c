/**
 * Checks for methods.json, the gazetteer of methods, paradigms and model families. Its names are
 * matched as noun phrases (by their stemmed phrase key, like tasks) and its acronyms as whole
 * tokens, so each is checked against the key it is matched with: no two method or task names may
 * share a phrase key, no name may share a name key with a dataset or task, and every parent must
 * be another entry, with no cycle.
 */
import { nameKey } from './name-key.ts';
import { phraseKey } from './stem.ts';

export interface MethodEntry {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** Matched as whole tokens, case-sensitively ("PPO", "LoRA"; plural "LLMs"). */
  readonly acronyms: readonly string[];
  /** Id of the broader entry this is a kind of. */
  readonly parent?: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ACRONYM = /^[A-Za-z][A-Za-z0-9+]*$/;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');

/** The phrase key a name is matched by ("diffusion models" = "Diffusion Model"). */
export const methodPhraseKey = (name: string): string => phraseKey(name.split(/\s+/));

/**
 * Appends a line to `problems` for every bad entry. `owners` holds the name keys of the other
 * gazetteers (and receives these names); `taskKeys` the phrase keys of the task names.
 */
export function checkMethods(entries: readonly Record<string, unknown>[], problems: string[], owners: Map<string, string>, taskKeys: ReadonlyMap<string, string>): MethodEntry[] {
  const ids = new Set<string>();
  const phraseOwner = new Map<string, string>();
  entries.forEach((e, i) => {
    const where = `methods.json: entry ${i} (${JSON.stringify(e?.id ?? e?.name)})`;
    if (typeof e?.id !== 'string' || !SLUG.test(e.id)) problems.push(`${where}: expected "id" to be a lowercase slug [a-z0-9-]`);
    else if (ids.has(e.id)) problems.push(`${where}: duplicate id`);
    else ids.add(e.id);
    if (typeof e?.name !== 'string' || e.name.trim() === '') return void problems.push(`${where}: expected a non-empty "name"`);
    if (!isStrings(e.aliases)) return void problems.push(`${where}: expected "aliases" to be an array of non-empty strings`);
    if (!isStrings(e.acronyms) || !e.acronyms.every((a) => ACRONYM.test(a))) return void problems.push(`${where}: expected "acronyms" to be an array of single tokens (letters, digits, +)`);
    if (e.parent !== undefined && typeof e.parent !== 'string') problems.push(`${where}: expected "parent" to be an entry id`);
    for (const surface of [e.name, ...e.aliases]) {
      const key = methodPhraseKey(surface);
      const prior = phraseOwner.get(key) ?? taskKeys.get(key);
      if (prior !== undefined && prior !== e.id) problems.push(`${where}: ${JSON.stringify(surface)} reads as the same phrase as ${prior}`);
      phraseOwner.set(key, String(e.id));
    }
    for (const surface of [e.name, ...e.aliases, ...e.acronyms]) {
      const key = nameKey(surface);
      const prior = owners.get(key);
      // A method may share a name with models.json (PPO, LSTM): that list only says "not a dataset".
      if (prior !== undefined && prior !== `methods.json ${e.id}` && !prior.startsWith('models.json')) problems.push(`${where}: ${JSON.stringify(surface)} is already a name of ${prior}`);
      else owners.set(key, `methods.json ${e.id}`);
    }
  });
  const parentOf = new Map(entries.map((e) => [e.id as string, e.parent as string | undefined]));
  entries.forEach((e, i) => {
    if (typeof e.parent !== 'string') return;
    const where = `methods.json: entry ${i} (${JSON.stringify(e.id)})`;
    if (!ids.has(e.parent) || e.parent === e.id) return void problems.push(`${where}: parent ${JSON.stringify(e.parent)} is not the id of another entry`);
    const seen = new Set<string>([e.id as string]);
    for (let p: string | undefined = e.parent; p !== undefined; p = parentOf.get(p)) {
      if (seen.has(p)) return void problems.push(`${where}: its parents form a cycle through ${JSON.stringify(p)}`);
      seen.add(p);
    }
  });
  return entries as unknown as MethodEntry[];
}
