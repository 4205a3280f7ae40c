/**
 * A pattern's label test turned into a check on the graph's label membership arrays, once per walk:
 * the walk tests every node it reaches, and reading one byte costs less than searching the node's
 * list of label names.
 */
import type { LabelTest } from './ast.ts';
import type { NodeRec, PropertyGraph } from './graph-store.ts';

export type NodeCheck = (n: NodeRec) => boolean;

export function labelCheck(t: LabelTest, graph: PropertyGraph): NodeCheck {
  switch (t.k) {
    case 'name': {
      const members = graph.labelMembers(t.name);
      return (n) => members[n.idx] === 1;
    }
    case 'and': {
      const parts = t.parts.map((p) => labelCheck(p, graph));
      return (n) => parts.every((p) => p(n));
    }
    case 'or': {
      const parts = t.parts.map((p) => labelCheck(p, graph));
      return (n) => parts.some((p) => p(n));
    }
    case 'not': {
      const a = labelCheck(t.a, graph);
      return (n) => !a(n);
    }
    case 'any':
      return (n) => n.labels.length > 0;
  }
}
