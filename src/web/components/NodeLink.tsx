/** A node's name as a button that selects it (text only, reachable by keyboard). */
import type { NodeRef } from '../state/details.ts';

export function NodeLink({ node, onSelect }: { node: NodeRef; onSelect(id: string): void }) {
  return (
    <button type="button" className="node-link" onClick={() => onSelect(node.id)}>
      <span className={`kind-dot kind-${node.kind}`} aria-hidden="true" />
      {node.name}
    </button>
  );
}
