/**
 * What citations cost an ingest: the same generated corpus (scripts/generate-corpus.ts) built with
 * and without reference lists, against the run without them as the baseline, in the same process.
 * Each paper cites about 20 works, 60% of them papers of the corpus (earlier ones, so the citation
 * graph is acyclic like a real one), the rest drawn from a pool of outside works with a skew, so that
 * papers share outside references as they do in a field. BENCH_PAPERS sets the size (default 10,000).
 */
import { generateCorpus } from '../generate-corpus.ts';
import { buildKnowledgeGraph, mergeRecords } from '../../src/pipeline.ts';
import { paperSimilarities } from '../../src/analyze/similarity.ts';
import { seededRandom } from '../../src/analyze/rng.ts';
import type { PaperRecord } from '../../src/model/paper.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
}

export async function run(): Promise<void> {
  const n = Number(process.env.BENCH_PAPERS ?? 10_000);
  const rand = seededRandom(7);
  const bare: PaperRecord[] = [...generateCorpus(n, 3)].map((p, i) => ({
    title: p.title,
    abstract: p.abstract,
    ids: [`openalex:W${i}`],
    source: { file: 'bench', line: i + 1, format: 'openalex' },
  }));
  const cited: PaperRecord[] = bare.map((r, i) => {
    const refs = new Set<string>();
    const count = 10 + Math.floor(rand() * 20);
    for (let k = 0; k < count; k++) {
      if (i > 0 && rand() < 0.6) refs.add(`openalex:W${Math.floor(rand() * i)}`);
      else refs.add(`openalex:X${Math.floor(n * 2 * rand() ** 2)}`);
    }
    return { ...r, references: [...refs] };
  });
  console.log(`corpus: ${n.toLocaleString('en-US')} generated papers, ${Math.round(cited.reduce((s, r) => s + r.references!.length, 0) / n)} references each on average`);

  const [g0, base] = time(() => buildKnowledgeGraph(bare));
  const [g1, withRefs] = time(() => buildKnowledgeGraph(cited));
  const cites = g1.filterEdges((_, a) => a.type === 'CITES').length;
  const refs = new Map(mergeRecords(cited).map((p) => [p.id, p.record.references ?? []]));
  console.log(`CITES edges: ${cites.toLocaleString('en-US')}; SIMILAR_TO with a citation signal: ${g1.filterEdges((_, a) => a.type === 'SIMILAR_TO' && ('coupling' in a || 'cocitation' in a)).length.toLocaleString('en-US')}`);

  const [, simBase] = time(() => paperSimilarities(g0));
  const [, simCited] = time(() => paperSimilarities(g1, { references: refs }));
  console.log(`${'full ingest without references (baseline)'.padEnd(44)} ${seconds(base).padStart(9)}`);
  console.log(`${'full ingest with references'.padEnd(44)} ${seconds(withRefs).padStart(9)}  ratio ${(withRefs / base).toFixed(2)}`);
  console.log(`${'similarity without references (baseline)'.padEnd(44)} ${seconds(simBase).padStart(9)}`);
  console.log(`${'similarity with coupling and co-citation'.padEnd(44)} ${seconds(simCited).padStart(9)}  ratio ${(simCited / simBase).toFixed(2)}`);
}
