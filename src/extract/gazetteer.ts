/**
 * The extraction gazetteers: curated datasets/benchmarks/environments, tasks and model names, kept as
 * JSON data in ./data/ and checked once when this module loads, so a bad edit fails at import (and in
 * test/unit/gazetteer.test.ts) instead of silently producing a wrong graph.
 */
import datasetsJson from './data/datasets.json' with { type: 'json' };
import tasksJson from './data/tasks.json' with { type: 'json' };
import modelsJson from './data/models.json' with { type: 'json' };
import methodsJson from './data/methods.json' with { type: 'json' };
import { caseKeptNameKey, nameKey } from './name-key.ts';
import { checkMethods, methodPhraseKey, type MethodEntry } from './method-gazetteer.ts';

export type { MethodEntry };

export const DATASET_KINDS = ['dataset', 'benchmark', 'environment'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];
export const DOMAINS = ['vision', 'driving', 'multimodal', 'medical', 'nlp', 'code', 'ir', 'speech', 'rl', 'recsys', 'graph', 'tabular', 'timeseries'] as const;
export type Domain = (typeof DOMAINS)[number];

export interface GazetteerEntry {
  readonly id: string;
  readonly name: string;
  readonly kind: DatasetKind;
  readonly domain: Domain;
  readonly aliases: readonly string[];
  /** Ids of the benchmark suites this entry belongs to (QNLI -> glue). */
  readonly partOf: readonly string[];
  /** Also an ordinary word or a short generic token: match case-sensitively and only near a cue. */
  readonly ambiguous: boolean;
}
export interface TaskEntry { readonly id: string; readonly name: string; readonly domain: Domain; readonly aliases: readonly string[] }
export interface ModelEntry { readonly name: string; readonly aliases: readonly string[] }

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');

export interface GazetteerInput { datasets: unknown; tasks: unknown; models: unknown; methods?: unknown }
export interface Gazetteers {
  datasets: readonly GazetteerEntry[];
  tasks: readonly TaskEntry[];
  models: readonly ModelEntry[];
  methods: readonly MethodEntry[];
}

/** Checks the four files together; throws one error listing every problem, each naming file and entry. */
export function validateGazetteers(input: GazetteerInput): Gazetteers {
  const problems: string[] = [];
  const owner = new Map<string, string>(); // normalised surface -> "file: entry", one namespace for all files
  const ids = new Map<string, string>(); // dataset id -> kind
  const entriesOf = (file: string, doc: unknown): Record<string, unknown>[] => {
    const list = (doc as { entries?: unknown } | null)?.entries;
    if (!Array.isArray(list)) { problems.push(`${file}: expected an object with an "entries" array`); return []; }
    return list as Record<string, unknown>[];
  };
  const check = (file: string, doc: unknown, withId: boolean, extra: (e: Record<string, unknown>, where: string) => void) =>
    entriesOf(file, doc).forEach((e, i) => {
      const where = `${file}: entry ${i} (${JSON.stringify(e?.id ?? e?.name)})`;
      if (typeof e?.name !== 'string' || e.name.trim() === '') { problems.push(`${where}: expected a non-empty "name"`); return; }
      if (!isStrings(e.aliases)) { problems.push(`${where}: expected "aliases" to be an array of non-empty strings`); return; }
      if (withId && (typeof e.id !== 'string' || !SLUG.test(e.id))) problems.push(`${where}: expected "id" to be a lowercase slug [a-z0-9-]`);
      if (withId && !(DOMAINS as readonly unknown[]).includes(e.domain)) problems.push(`${where}: expected "domain" to be one of ${DOMAINS.join(', ')}`);
      const label = `${file} ${withId ? String(e.id) : e.name}`;
      // Case variants only count as different spellings for ambiguous entries, which match case-sensitively.
      const own = new Set<string>();
      for (const surface of [e.name, ...e.aliases]) {
        const local = e.ambiguous === true ? caseKeptNameKey(surface) : nameKey(surface);
        if (own.has(local)) problems.push(`${where}: alias ${JSON.stringify(surface)} repeats a spelling of the same entry`);
        own.add(local);
        const key = nameKey(surface);
        const prior = owner.get(key);
        if (prior !== undefined && prior !== label) problems.push(`${where}: ${JSON.stringify(surface)} is already a name of ${prior}`);
        else owner.set(key, label);
      }
      extra(e, where);
    });

  check('models.json', input.models, false, () => {});
  check('datasets.json', input.datasets, true, (e, where) => {
    if (ids.has(e.id as string)) problems.push(`${where}: duplicate id`);
    ids.set(e.id as string, String(e.kind));
    if (!(DATASET_KINDS as readonly unknown[]).includes(e.kind)) problems.push(`${where}: expected "kind" to be one of ${DATASET_KINDS.join(', ')}`);
    if (!isStrings(e.partOf)) problems.push(`${where}: expected "partOf" to be an array of ids`);
    if (typeof e.ambiguous !== 'boolean') problems.push(`${where}: expected "ambiguous" to be true or false`);
  });
  const taskIds = new Set<string>();
  check('tasks.json', input.tasks, true, (e, where) => {
    if (taskIds.has(e.id as string)) problems.push(`${where}: duplicate id`);
    taskIds.add(e.id as string);
  });
  // Membership is checked after all ids are known: a suite may be listed after its members.
  entriesOf('datasets.json', input.datasets).forEach((e, i) => {
    for (const target of Array.isArray(e?.partOf) ? (e.partOf as unknown[]) : []) {
      const kind = ids.get(target as string);
      if (kind !== 'benchmark' || target === e.id) problems.push(`datasets.json: entry ${i} (${JSON.stringify(e.id)}): partOf ${JSON.stringify(target)} is not the id of another benchmark entry`);
    }
  });
  const taskKeys = new Map(entriesOf('tasks.json', input.tasks).flatMap((e) => (isStrings(e?.aliases) && typeof e.name === 'string' ? [e.name, ...e.aliases].map((n) => [methodPhraseKey(n), `task ${String(e.id)}`] as const) : [])));
  const methods = checkMethods(entriesOf('methods.json', input.methods ?? { entries: [] }), problems, owner, taskKeys);
  if (problems.length > 0) throw new Error(`invalid gazetteer data (src/extract/data/):\n  ${problems.join('\n  ')}`);
  return {
    datasets: entriesOf('datasets.json', input.datasets) as unknown as GazetteerEntry[],
    tasks: entriesOf('tasks.json', input.tasks) as unknown as TaskEntry[],
    models: entriesOf('models.json', input.models) as unknown as ModelEntry[],
    methods,
  };
}

const loaded = validateGazetteers({ datasets: datasetsJson, tasks: tasksJson, models: modelsJson, methods: methodsJson });
export const DATASET_ENTRIES: readonly GazetteerEntry[] = loaded.datasets;
export const TASK_ENTRIES: readonly TaskEntry[] = loaded.tasks;
export const MODEL_ENTRIES: readonly ModelEntry[] = loaded.models;
export const METHOD_ENTRIES: readonly MethodEntry[] = loaded.methods;
/** Every model name and alias, as written: a candidate dataset equal to one of these is a model. */
export const MODEL_NAMES: readonly string[] = MODEL_ENTRIES.flatMap((m) => [m.name, ...m.aliases]);
