/**
 * The shape of src/: no import cycles, and the core never reaches an edge (the lint rule says the
 * same for single imports; this follows every chain, type imports included).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Relative imports of each file (static, dynamic and re-exports), as absolute paths. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => resolve(dirname(file), m[1]!));
    graph.set(file, targets);
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === 'open') found.push(stack.slice(stack.indexOf(t)).concat(t).map((p) => relative(SRC, p)));
      else if (!state.has(t) && graph.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

const CORE = ['model', 'readers', 'merge', 'extract', 'resolve', 'assemble', 'analyze', 'cypher'];
const EDGES = ['cli', 'server', 'store', 'web'];
const folder = (p: string) => relative(SRC, p).split('/')[0]!;

describe('the structure of src/', () => {
  const graph = importGraph();
  it('has no import cycles', () => {
    expect(cycles(graph)).toEqual([]);
  });
  it('never lets the core reach an edge or the pipeline, through any chain of imports', () => {
    const bad: string[] = [];
    for (const start of graph.keys()) {
      if (!CORE.includes(folder(start))) continue;
      const seen = new Set<string>([start]);
      const queue = [start];
      while (queue.length) {
        const f = queue.shift()!;
        for (const t of graph.get(f) ?? []) {
          if (seen.has(t)) continue;
          seen.add(t);
          if (EDGES.includes(folder(t)) || relative(SRC, t) === 'pipeline.ts') bad.push(`${relative(SRC, start)} -> ${relative(SRC, t)}`);
          else queue.push(t);
        }
      }
    }
    expect(bad).toEqual([]);
  });
  it('the checker sees a cycle when there is one', () => {
    expect(cycles(new Map([['/a', ['/b']], ['/b', ['/a']]]))).toHaveLength(1);
  });
});
