/**
 * Writes a valid papergraph snapshot of at least `bytes` bytes from a small repeated pattern: papers
 * with long abstracts (quotes, backslashes and non-ASCII text included, so the reader's string
 * handling is exercised), a few datasets, one EVALUATED_ON edge per paper and clusters. Returns what
 * it wrote, so a reader's counts can be checked exactly. Memory stays flat: the file is streamed.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { SCHEMA_VERSION } from '../../src/model/schema.ts';

export interface BigSnapshot {
  bytes: number;
  papers: number;
  datasets: number;
  edges: number;
  clusters: number;
}

const SENTENCE = 'We evaluate a "robust" model on C:\\data\\set — naïve baselines fall short; results hold for ImageNet-1k (top-1 78.1%). ';

export async function writeBigSnapshot(file: string, bytes: number, abstractChars = 1_800): Promise<BigSnapshot> {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let written = 0;
  const write = async (s: string) => {
    written += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  const datasets = 16;
  const clusters = 8;
  const abstract = SENTENCE.repeat(Math.ceil(abstractChars / SENTENCE.length)).slice(0, abstractChars);
  const attributes = {
    schemaVersion: SCHEMA_VERSION,
    generator: 'test/support/big-snapshot.ts',
    clusters: Array.from({ length: clusters }, (_, id) => ({ id, label: `cluster ${id}`, size: 0, top: [], color: '#888888' })),
  };
  await write(`{"options":{"type":"directed","multi":false,"allowSelfLoops":false},"attributes":${JSON.stringify(attributes)},"nodes":[`);
  for (let d = 0; d < datasets; d++) {
    await write(`${d ? ',' : ''}${JSON.stringify({ key: `dataset:d${d}`, attributes: { kind: 'Dataset', name: `Dataset ${d}`, aliases: [], x: d, y: -d, size: 3, color: '#123456', cluster: d % clusters } })}`);
  }
  // Edges take about 120 bytes each: stop the papers when the rest of the file will fill `bytes`.
  let papers = 0;
  while (written + papers * 120 < bytes) {
    const node = { key: `paper:p${papers}`, attributes: { kind: 'Paper', name: `Paper ${papers} "quoted"`, abstract, sources: ['generated'], year: 2015 + (papers % 10), x: papers % 997, y: papers % 991, size: 2, color: '#abcdef', cluster: papers % clusters } };
    await write(`,${JSON.stringify(node)}`);
    papers++;
  }
  await write('],"edges":[');
  for (let p = 0; p < papers; p++) {
    const edge = { key: `EVALUATED_ON:paper:p${p}->dataset:d${p % datasets}`, source: `paper:p${p}`, target: `dataset:d${p % datasets}`, attributes: { type: 'EVALUATED_ON', weight: 1 } };
    await write(`${p ? ',' : ''}${JSON.stringify(edge)}`);
  }
  await write(']}\n');
  out.end();
  await once(out, 'finish');
  return { bytes: written, papers, datasets, edges: papers, clusters };
}
