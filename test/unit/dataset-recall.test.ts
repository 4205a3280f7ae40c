/** Dataset names on sentences written for the tests: how curated and discovered names are read. */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeGraph } from '../../src/pipeline.ts';
import type { PaperGraph } from '../../src/assemble/graph.ts';
import { paper } from '../support/records.ts';

function datasetsOf(g: PaperGraph, title: string): string[] {
  const id = g.findNode((_, a) => a.kind === 'Paper' && a.name === title)!;
  expect(id, `paper "${title}"`).toBeDefined();
  return g
    .mapOutNeighbors(id, (_, a) => a)
    .filter((a) => a.kind === 'Dataset' || a.kind === 'Benchmark')
    .map((a) => a.name)
    .sort();
}

describe('a model or task name that begins a curated dataset name', () => {
  const g = buildKnowledgeGraph([
    paper(1, 'A', 'We train a summariser on CNN/Daily Mail and compare it with a CNN encoder.'),
    paper(2, 'B', 'Answers are scored on VQA v2 with the standard accuracy metric.'),
    paper(3, 'C', 'A CNN classifies the images, and VQA needs more than that.'),
  ]);

  it('does not veto the longer name', () => {
    expect(datasetsOf(g, 'A')).toEqual(['CNN/Daily Mail']);
    expect(datasetsOf(g, 'B')).toEqual(['VQA v2']);
  });

  it('still vetoes the model or task name alone', () => {
    expect(datasetsOf(g, 'C')).toEqual([]);
  });
});
