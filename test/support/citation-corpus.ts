/**
 * The fetch fixtures as a corpus with known references, and the CITES edges they must give:
 * written out from the references the fixture pages list, by title, so a test compares against
 * what a reader of the pages would draw by hand.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { Capture } from './capture.ts';
import { ROUTES, startReplay } from './replay-server.ts';

export const OPENALEX_CITES: Array<[string, string]> = [
  ['Dense Passage Retrieval for Open-Domain Question Answering', 'Reading Wikipedia to Answer Open-Domain Questions'],
  ['Dense Passage Retrieval for Open-Domain Question Answering', 'SQuAD: 100,000+ Questions for Machine Comprehension of Text'],
  ['Reading Wikipedia to Answer Open-Domain Questions', 'SQuAD: 100,000+ Questions for Machine Comprehension of Text'],
  ['Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks', 'Dense Passage Retrieval for Open-Domain Question Answering'],
  ['Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks', 'Reading Wikipedia to Answer Open-Domain Questions'],
  ['Latent Retrieval for Weakly Supervised Open Domain Question Answering', 'Dense Passage Retrieval for Open-Domain Question Answering'],
  ['Latent Retrieval for Weakly Supervised Open Domain Question Answering', 'SQuAD: 100,000+ Questions for Machine Comprehension of Text'],
  ['Microsoft COCO: Common Objects in Context', 'Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks'],
  ['Feature Pyramid Networks for Object Detection', 'Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks'],
  ['Feature Pyramid Networks for Object Detection', 'Latent Retrieval for Weakly Supervised Open Domain Question Answering'],
  ['Focal Loss for Dense Object Detection', 'Microsoft COCO: Common Objects in Context'],
];

/** References of each OpenAlex fixture work that no work of the corpus answers to. */
export const OPENALEX_OUTSIDE: Record<string, number> = {
  'Dense Passage Retrieval for Open-Domain Question Answering': 1,
  'Reading Wikipedia to Answer Open-Domain Questions': 0,
  'SQuAD: 100,000+ Questions for Machine Comprehension of Text': 0,
  'Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks': 2,
  'Latent Retrieval for Weakly Supervised Open Domain Question Answering': 0,
  'Microsoft COCO: Common Objects in Context': 1,
  'Feature Pyramid Networks for Object Detection': 0,
  'Focal Loss for Dense Object Detection': 1,
};

export const S2_CITES: Array<[string, string]> = [
  ['BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', 'Attention Is All You Need'],
  ['BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', 'GLUE: A Multi-Task Benchmark and Analysis Platform for Natural Language Understanding'],
  ['GLUE: A Multi-Task Benchmark and Analysis Platform for Natural Language Understanding', 'Attention Is All You Need'],
  ['RoBERTa: A Robustly Optimized BERT Pretraining Approach', 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding'],
  ['RoBERTa: A Robustly Optimized BERT Pretraining Approach', 'GLUE: A Multi-Task Benchmark and Analysis Platform for Natural Language Understanding'],
];

/** `papergraph ingest --fetch <provider>` against the replay server; returns the snapshot folder. */
export async function ingestFetched(provider: 'openalex' | 's2' | 'arxiv', extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const replay = await startReplay(ROUTES[provider]);
  const out = mkdtempSync(join(tmpdir(), `pg-cites-${provider}-`));
  const stdout = new Capture();
  const stderr = new Capture();
  try {
    const code = await main(['ingest', '--fetch', provider, 'retrieval', '--out', out, '--base-url', replay.url, '--interval', '10', '--quiet', ...extra], { stdout, stderr, env, cwd: process.cwd() });
    return { code, out, stdout: stdout.text, stderr: stderr.text };
  } finally {
    await replay.close();
  }
}
