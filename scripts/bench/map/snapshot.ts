/**
 * A bench-only generator: a snapshot of N papers in papergraph's shape (graphology serialization),
 * written straight to graph.json as a stream, without the ingest pipeline, so the map view can be
 * measured at 100,000 and 1,000,000 papers. Clustered like a field: fields of topics, each topic
 * with its own concepts, tasks and datasets, papers linking mostly within their topic, one
 * similarity link per paper, years skewed to recent ones. Seeded: the same N gives the same file.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { clusterColour } from '../../../src/analyze/palette.ts';
import { seededRandom } from '../../../src/analyze/rng.ts';

const TOPICS_PER_FIELD = 10;
const ENTITIES_PER_TOPIC = 24;
const WORDS = ['graph', 'neural', 'sparse', 'retrieval', 'vision', 'speech', 'policy', 'kernel', 'bayesian', 'robust', 'federated', 'causal', 'diffusion', 'contrastive', 'temporal', 'molecular', 'quantum', 'language', 'reasoning', 'tabular', 'medical', 'audio', 'video', 'point cloud', 'dialogue', 'translation', 'segmentation', 'detection', 'ranking', 'control'];

export async function writeMapSnapshot(dir: string, papers: number, seed = 11): Promise<{ file: string; fields: number; nodes: number; edges: number }> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'graph.json');
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? undefined : new Promise<void>((r) => out.once('drain', () => r())));
  const rand = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const fields = Math.max(24, Math.min(60, Math.round(papers / 25_000)));
  const spread = 60 * Math.sqrt(papers);
  const centres = Array.from({ length: fields }, () => ({ x: (rand() - 0.5) * spread, y: (rand() - 0.5) * spread }));
  const topicName = (f: number, t: number) => `${WORDS[(f * 7 + t) % WORDS.length]} ${WORDS[(f * 3 + t * 11 + 5) % WORDS.length]}`;
  const clusters = centres.map((_, id) => ({ id, label: `${topicName(id, 0)} · ${topicName(id, 1)}`, size: 0, top: [topicName(id, 0), topicName(id, 1)], color: clusterColour(id, false) }));
  await write(`{"options":{"type":"directed","multi":false,"allowSelfLoops":false},"attributes":${JSON.stringify({ schemaVersion: 1, generator: 'scripts/bench/map/snapshot.ts', clusters })},"nodes":[`);
  let nodes = 0;
  let first = true;
  const node = async (key: string, a: Record<string, unknown>) => {
    await write(`${first ? '' : ','}${JSON.stringify({ key, attributes: a })}`);
    first = false;
    nodes++;
  };
  const kinds = ['Concept', 'Concept', 'Task', 'Dataset', 'Benchmark'];
  const entityId = (f: number, t: number, i: number) => `e:${f}:${t}:${i}`;
  for (let f = 0; f < fields; f++)
    for (let t = 0; t < TOPICS_PER_FIELD; t++)
      for (let i = 0; i < ENTITIES_PER_TOPIC; i++) {
        const kind = kinds[i % kinds.length]!;
        await node(entityId(f, t, i), { kind, name: `${topicName(f, t)} ${kind.toLowerCase()} ${i}`, aliases: [], cluster: f, x: centres[f]!.x + gauss() * spread * 0.02, y: centres[f]!.y + gauss() * spread * 0.02, size: 4 });
      }
  const paperField = (p: number) => p % fields;
  const paperTopic = (p: number) => Math.floor(p / fields) % TOPICS_PER_FIELD;
  for (let p = 0; p < papers; p++) {
    const f = paperField(p);
    const t = paperTopic(p);
    const year = 2024 - Math.floor(Math.abs(gauss()) * 6);
    await node(`p:${p}`, { kind: 'Paper', name: `${topicName(f, t)} study ${p}`, abstract: '', sources: [`generated:${p}`], year, cluster: f, x: centres[f]!.x + gauss() * spread * 0.02, y: centres[f]!.y + gauss() * spread * 0.02, size: 5 });
  }
  await write('],"edges":[');
  let edges = 0;
  first = true;
  const edge = async (type: string, source: string, target: string, a: Record<string, unknown>) => {
    await write(`${first ? '' : ','}${JSON.stringify({ key: `${type}:${source}->${target}`, source, target, attributes: { type, ...a } })}`);
    first = false;
    edges++;
  };
  for (let p = 0; p < papers; p++) {
    const f = paperField(p);
    const t = paperTopic(p);
    const picked = new Set<string>();
    for (let k = 0; k < 4; k++) {
      // Mostly the paper's own topic, sometimes another topic of its field.
      const topic = rand() < 0.85 ? t : Math.floor(rand() * TOPICS_PER_FIELD);
      const i = Math.floor(rand() * ENTITIES_PER_TOPIC);
      const target = entityId(f, topic, i);
      if (picked.has(target)) continue;
      picked.add(target);
      const kind = kinds[i % kinds.length]!;
      const type = kind === 'Dataset' || kind === 'Benchmark' ? 'EVALUATED_ON' : kind === 'Task' ? 'ADDRESSES' : 'MENTIONS';
      await edge(type, `p:${p}`, target, { evidence: [], weight: 1 });
    }
    // One similar paper of the same topic (papers of a topic are `fields * TOPICS_PER_FIELD` apart).
    const step = fields * TOPICS_PER_FIELD;
    const other = p + step * (1 + Math.floor(rand() * 20));
    if (other < papers) await edge('SIMILAR_TO', `p:${p}`, `p:${other}`, { score: Math.round((0.3 + rand() * 0.6) * 1000) / 1000 });
  }
  await write(']}');
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { file, fields, nodes, edges };
}
