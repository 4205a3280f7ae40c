import { describe, expect, it } from 'vitest';
import {
  DATASET_ENTRIES,
  DATASET_KINDS,
  DOMAINS,
  MODEL_ENTRIES,
  MODEL_NAMES,
  TASK_ENTRIES,
  validateGazetteers,
} from '../../src/extract/gazetteer.ts';
import { nameKey } from '../../src/extract/name-key.ts';

const byId = new Map(DATASET_ENTRIES.map((e) => [e.id, e]));
const entry = (id: string) => {
  const e = byId.get(id);
  if (!e) throw new Error(`no dataset entry ${id}`);
  return e;
};
/** The dataset entry that owns a surface form, found by normalised name or alias. */
const datasetNamed = (surface: string) =>
  DATASET_ENTRIES.filter((e) => [e.name, ...e.aliases].some((s) => nameKey(s) === nameKey(surface)));

describe('nameKey', () => {
  it('treats case, spaces, hyphens, underscores, apostrophes and accents as equivalent', () => {
    expect(nameKey('MS-COCO')).toBe(nameKey('ms coco'));
    expect(nameKey('NYU_Depth v2')).toBe(nameKey('NYUDepthV2'));
    expect(nameKey("WMT'14")).toBe(nameKey('WMT14'));
    expect(nameKey('Touché-2020')).toBe(nameKey('Touche 2020'));
    expect(nameKey('A–B')).toBe('ab'); // en dash
  });
  it('keeps dots, slashes and plus signs, which change what is named', () => {
    expect(nameKey('RefCOCO+')).not.toBe(nameKey('RefCOCO'));
    expect(nameKey('SQuAD 1.1')).not.toBe(nameKey('SQuAD 11'));
    expect(nameKey('CNN/DM')).not.toBe(nameKey('CNNDM'));
  });
});

describe('the shipped data', () => {
  it('is large and spans every domain, with all three kinds in use', () => {
    expect(DATASET_ENTRIES.length).toBeGreaterThanOrEqual(400);
    expect(TASK_ENTRIES.length).toBeGreaterThanOrEqual(150);
    expect(MODEL_ENTRIES.length).toBeGreaterThanOrEqual(200);
    const domains = new Set(DATASET_ENTRIES.map((e) => e.domain));
    for (const d of DOMAINS) expect(domains, d).toContain(d);
    for (const k of DATASET_KINDS) expect(DATASET_ENTRIES.some((e) => e.kind === k), k).toBe(true);
    expect(DATASET_ENTRIES.filter((e) => e.kind === 'environment').map((e) => e.id)).toEqual(
      expect.arrayContaining(['arcade-learning-environment', 'mujoco', 'deepmind-control-suite', 'procgen', 'meta-world', 'minigrid', 'minedojo']),
    );
  });

  it('has unique, well-formed ids', () => {
    for (const list of [DATASET_ENTRIES, TASK_ENTRIES]) {
      const ids = list.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('points every partOf at an existing benchmark', () => {
    for (const e of DATASET_ENTRIES) for (const p of e.partOf) expect(byId.get(p)?.kind, `${e.id} -> ${p}`).toBe('benchmark');
  });

  it('gives every spelling to exactly one entry across datasets, tasks and models', () => {
    const owner = new Map<string, string>();
    const all = [
      ...DATASET_ENTRIES.map((e) => ({ who: `dataset ${e.id}`, names: [e.name, ...e.aliases] })),
      ...TASK_ENTRIES.map((e) => ({ who: `task ${e.id}`, names: [e.name, ...e.aliases] })),
      ...MODEL_ENTRIES.map((e) => ({ who: `model ${e.name}`, names: [e.name, ...e.aliases] })),
    ];
    const clashes: string[] = [];
    for (const { who, names } of all)
      for (const n of names) {
        const prior = owner.get(nameKey(n));
        if (prior && prior !== who) clashes.push(`${n}: ${prior} / ${who}`);
        owner.set(nameKey(n), who);
      }
    expect(clashes).toEqual([]);
  });

  it('records suite membership for GLUE, SuperGLUE, KILT and BEIR', () => {
    for (const id of ['qnli', 'sst-2', 'mnli', 'cola', 'mrpc', 'qqp', 'sts-b', 'rte', 'wnli']) expect(entry(id).partOf, id).toContain('glue');
    for (const id of ['boolq', 'commitmentbank', 'copa', 'multirc', 'record', 'wic', 'wsc', 'rte']) expect(entry(id).partOf, id).toContain('superglue');
    for (const name of ['Natural Questions', 'FEVER', 'HotpotQA', 'TriviaQA', 'ELI5', 'T-REx', 'Zero-Shot RE', 'AIDA CoNLL-YAGO', 'WNED-WIKI', 'WNED-CWEB', 'Wizard of Wikipedia']) {
      const [e] = datasetNamed(name);
      expect(e?.partOf, name).toContain('kilt');
    }
    expect(DATASET_ENTRIES.filter((e) => e.partOf.includes('beir')).length).toBeGreaterThanOrEqual(18);
    for (const id of ['glue', 'superglue', 'kilt', 'beir', 'mteb', 'mmlu', 'big-bench']) expect(entry(id).kind, id).toBe('benchmark');
  });

  it('knows the common spellings of COCO, NYU Depth v2, KILT and MTEB', () => {
    expect(entry('coco').aliases).toEqual(expect.arrayContaining(['Microsoft COCO', 'MS-COCO']));
    for (const s of ['mscoco', 'NYUDv2', 'NYU-Depth V2', 'PASCAL Context', 'Knowledge-intensive language tasks', 'Massive Text Embedding Benchmark', 'nuScenes', 'MIMIC-IV', 'SODA10M']) {
      expect(datasetNamed(s), s).toHaveLength(1);
    }
  });

  it('marks ordinary-word names as ambiguous and ordinary dataset names as not', () => {
    for (const s of ['Pile', 'ARC', 'CB', 'WiC', 'Reddit', 'Wikipedia', 'Yelp', 'DROP', 'MATH']) expect(datasetNamed(s)[0]?.ambiguous, s).toBe(true);
    for (const s of ['COCO', 'ImageNet', 'SQuAD', 'MS MARCO', 'KITTI']) expect(datasetNamed(s)[0]?.ambiguous, s).toBe(false);
  });

  it('lists well-known models, none of which is a dataset', () => {
    const models = new Set(MODEL_NAMES.map(nameKey));
    for (const m of ['BERT', 'XLNet', 'GPT-3', 'LLaMA-2', 'Llama 2', 'BLIP-2', 'CLIP', 'SimCSE', 'mBERT', 'GPT-3.5', 'wav2vec 2.0']) {
      expect(models.has(nameKey(m)), m).toBe(true);
      expect(datasetNamed(m), m).toEqual([]);
    }
  });
});

describe('validateGazetteers', () => {
  const ok = (over: Record<string, unknown> = {}) => ({ id: 'glue', name: 'GLUE', kind: 'benchmark', domain: 'nlp', aliases: [], partOf: [], ambiguous: false, ...over });
  const run = (datasets: unknown[], tasks: unknown[] = [], models: unknown[] = []) =>
    () => validateGazetteers({ datasets: { entries: datasets }, tasks: { entries: tasks }, models: { entries: models } });

  it('accepts well-formed data', () => {
    const out = run([ok(), ok({ id: 'qnli', name: 'QNLI', kind: 'dataset', partOf: ['glue'] })])();
    expect(out.datasets.map((e) => e.id)).toEqual(['glue', 'qnli']);
  });
  it('rejects a duplicate id, naming the file and entry', () => {
    expect(run([ok(), ok({ name: 'Other' })])).toThrow(/datasets\.json: entry 1 \("glue"\): duplicate id/);
  });
  it('rejects an id that is not a slug and an unknown kind or domain', () => {
    expect(run([ok({ id: 'Bad Id' })])).toThrow(/lowercase slug/);
    expect(run([ok({ kind: 'corpus' })])).toThrow(/"kind" to be one of/);
    expect(run([ok({ domain: 'biology' })])).toThrow(/"domain" to be one of/);
  });
  it('rejects partOf pointing nowhere or at a non-benchmark', () => {
    expect(run([ok({ id: 'qnli', kind: 'dataset', partOf: ['glue'] })])).toThrow(/partOf "glue"/);
    expect(run([ok({ kind: 'dataset' }), ok({ id: 'qnli', name: 'QNLI', partOf: ['glue'] })])).toThrow(/partOf "glue"/);
  });
  it('rejects a spelling shared by two entries after normalisation', () => {
    expect(run([ok(), ok({ id: 'coco', name: 'COCO', aliases: ['g-l-u-e'] })])).toThrow(/"g-l-u-e" is already a name of datasets\.json glue/);
  });
  it('rejects a dataset that is named like a model or a task', () => {
    expect(run([ok({ id: 'bert', name: 'Bert' })], [], [{ name: 'BERT', aliases: [] }])).toThrow(/already a name of models\.json BERT/);
    expect(run([ok()], [{ id: 'glue-task', name: 'G L U E', domain: 'nlp', aliases: [] }])).toThrow(/tasks\.json.*already a name/);
  });
  it('rejects aliases that repeat the entry, except case variants of an ambiguous entry', () => {
    expect(run([ok({ aliases: ['glue'] })])).toThrow(/repeats a spelling/);
    expect(run([ok({ ambiguous: true, aliases: ['Glue'] })])).not.toThrow();
  });
  it('rejects a file without an entries array', () => {
    expect(() => validateGazetteers({ datasets: [], tasks: { entries: [] }, models: { entries: [] } })).toThrow(/datasets\.json: expected an object with an "entries" array/);
  });
});

describe('one name key for validation and matching', () => {
  it('keeps ampersands and non-ASCII symbols, which change what is named', () => {
    expect(nameKey('M&Ms')).not.toBe(nameKey('MMs'));
    expect(nameKey('∞Bench')).not.toBe(nameKey('Bench'));
    expect(nameKey('Tanks & Temples')).toBe(nameKey('tanks&temples'));
    expect(nameKey('DALL·E')).toBe(nameKey('DALL-E'));
    expect(nameKey('Quick, Draw!')).toBe(nameKey('Quick Draw'));
  });
  it('gives the same key on the ASCII fast path and the Unicode path', () => {
    // "é" sends the whole string down the slow path; the ASCII part must key the same either way.
    for (const s of ['M&Ms', 'SQuAD 1.1', 'CNN/DM', 'RefCOCO+', "WMT'14", 'A_B-c d', 'x$y'])
      expect(nameKey(`${s}é`)).toBe(`${nameKey(s)}e`);
  });
});
