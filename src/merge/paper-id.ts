import { createHash } from 'node:crypto';
import type { PaperRecord } from '../model/paper.ts';
import { normaliseTitle } from './merge.ts';

/** Deterministic paper id: DOI, then arXiv id without version, then a hash of the normalised title. */
export function paperId(p: Pick<PaperRecord, 'title' | 'doi' | 'arxivId'>): string {
  if (p.doi) return `paper:doi:${p.doi.toLowerCase()}`;
  if (p.arxivId) return `paper:arxiv:${p.arxivId.replace(/v\d+$/, '')}`;
  return `paper:title:${createHash('sha1').update(normaliseTitle(p.title)).digest('hex').slice(0, 16)}`;
}
