/** Papers (or entities) with the sentence that links them, the mention emphasised. */
import type { EvidenceLink } from '../state/details.ts';
import { splitSentence } from '../state/mentions.ts';
import { NodeLink } from './NodeLink.tsx';

const RELATION: Record<string, string> = {
  EVALUATED_ON: 'evaluated on',
  INTRODUCES: 'introduces',
  USES: 'uses or names',
  ADDRESSES: 'addresses',
  MENTIONS: 'mentions',
};

export function EvidenceList({ items, onSelect, label }: { items: EvidenceLink[]; onSelect(id: string): void; label: string }) {
  if (!items.length) return <p className="muted">None.</p>;
  return (
    <ul className="evidence-list" aria-label={label}>
      {items.map((l) => {
        const ev = l.evidence[0];
        const [before, mention, after] = ev ? splitSentence(ev.sentence, ev.surface) : ['', '', ''];
        return (
          <li key={`${l.id}-${l.type}`} data-node={l.id}>
            <NodeLink node={l} onSelect={onSelect} /> <span className="relation">{RELATION[l.type] ?? l.type}</span>
            {ev && (
              <blockquote className="evidence">
                {before}
                {mention && <mark>{mention}</mark>}
                {after}
              </blockquote>
            )}
          </li>
        );
      })}
    </ul>
  );
}
