/** What resolve produces and the tables it fills: entities, links with evidence, display names. */
import type { EdgeType, EntityKind, Evidence } from '../model/schema.ts';
import type { Mention } from '../model/mention.ts';
import type { Span } from '../extract/document.ts';
import type { PaperFindings } from '../extract/extractions.ts';

export interface ResolveInput {
  id: string;
  title: string;
  abstract: string;
  extraction: PaperFindings;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  confidence: number;
  /** Suite ids this dataset belongs to (entity ids). */
  partOf: string[];
  /** Entity id of the broader concept this one is a kind of (curated methods only). */
  parent?: string;
  /** Names of every broader concept, nearest first (curated methods only). */
  ancestors?: string[];
}

export type LinkType = Extract<EdgeType, 'EVALUATED_ON' | 'INTRODUCES' | 'USES' | 'ADDRESSES' | 'MENTIONS'>;

export interface Link {
  paper: string;
  entity: string;
  type: LinkType;
  evidence: Evidence[];
  confidence: number;
  weight: number;
}

export interface Resolved {
  entities: Map<string, Entity>;
  links: Link[];
}

export function evidenceOf(doc: ResolveInput, s: Span | Mention): Evidence {
  if ('sentence' in s) return { field: s.field, start: s.start, end: s.end, surface: s.surface, sentence: s.sentence };
  const text = s.field === 'title' ? doc.title : doc.abstract;
  return { field: s.field, start: s.start, end: s.end, surface: text.slice(s.start, s.end), sentence: text.slice(s.sentenceStart, s.sentenceEnd) };
}

/** A paper's strongest statement about a dataset wins: introducing it, then evaluating on it, then using it. */
const STRENGTH: Record<LinkType, number> = { INTRODUCES: 3, EVALUATED_ON: 2, USES: 1, ADDRESSES: 0, MENTIONS: 0 };

/**
 * Accumulates links so each (paper, entity) pair is one edge with all its evidence. Evidence for
 * the edge's own type comes first, so the sentences shown are the ones that justify the type.
 */
export class LinkTable {
  private readonly byPair = new Map<string, Link>();
  constructor(private readonly maxEvidence: number) {}
  add(paper: string, entity: string, type: LinkType, evidence: Evidence, confidence: number): void {
    const key = `${paper}\u0000${entity}`;
    let link = this.byPair.get(key);
    if (!link) {
      link = { paper, entity, type, evidence: [], confidence, weight: 0 };
      this.byPair.set(key, link);
    }
    const stronger = STRENGTH[type] > STRENGTH[link.type];
    if (stronger) {
      link.type = type;
      link.confidence = confidence;
    } else if (type === link.type) link.confidence = Math.max(link.confidence, confidence);
    link.weight++;
    const dup = link.evidence.some((e) => e.field === evidence.field && e.start < evidence.end && evidence.start < e.end);
    if (dup) return;
    if (stronger) link.evidence.unshift(evidence);
    else link.evidence.push(evidence);
    if (link.evidence.length > this.maxEvidence) link.evidence.length = this.maxEvidence;
  }
  values(): Link[] {
    return [...this.byPair.values()];
  }
}

/** Counts surface forms so an entity is named the way papers most often write it. */
export class Names {
  private readonly counts = new Map<string, Map<string, number>>();
  add(id: string, surface: string): void {
    const m = this.counts.get(id) ?? new Map<string, number>();
    m.set(surface, (m.get(surface) ?? 0) + 1);
    this.counts.set(id, m);
  }
  ranked(id: string): string[] {
    return [...(this.counts.get(id) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  }
}

export function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
