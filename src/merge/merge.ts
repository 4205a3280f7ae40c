/**
 * One paper, one node: records from different sources that are the same paper become one
 * MergedPaper. Same DOI always merges; same arXiv id (version stripped) merges unless the two
 * carry different DOIs; same normalised title merges unless DOIs or arXiv ids disagree (two
 * different papers may share a title, never an identifier). Pure and deterministic: groups come
 * out in the order of their first record.
 */
import type { MergedPaper, PaperRecord } from '../model/paper.ts';

/** Title key: case, accents, punctuation and spacing ignored. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Group {
  parent: number;
  dois: Set<string>;
  arxivIds: Set<string>;
}

function conflicts(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const x of a) if (b.has(x)) return false;
  return true;
}

export function mergePapers(records: PaperRecord[]): MergedPaper[] {
  // arXiv's own DOIs (10.48550/arxiv.*) restate the arXiv id: a preprint's arXiv DOI and its
  // journal DOI are the same paper, so only publisher DOIs can disagree.
  const groups: Group[] = records.map((r) => ({
    parent: -1,
    dois: new Set(r.doi && !r.doi.toLowerCase().startsWith('10.48550/') ? [r.doi.toLowerCase()] : []),
    arxivIds: new Set(r.arxivId ? [r.arxivId] : []),
  }));
  const find = (i: number): number => {
    let root = i;
    while (groups[root]!.parent !== -1) root = groups[root]!.parent;
    while (groups[i]!.parent !== -1) {
      const next = groups[i]!.parent;
      groups[i]!.parent = root;
      i = next;
    }
    return root;
  };
  /** Joins the groups of a and b unless the level's rule forbids it; the earlier root stays root. */
  const union = (a: number, b: number, level: 'doi' | 'arxiv' | 'title'): boolean => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return true;
    const ga = groups[ra]!;
    const gb = groups[rb]!;
    if (level !== 'doi' && conflicts(ga.dois, gb.dois)) return false;
    if (level === 'title' && conflicts(ga.arxivIds, gb.arxivIds)) return false;
    if (rb < ra) [ra, rb] = [rb, ra];
    const keep = groups[ra]!;
    const gone = groups[rb]!;
    for (const d of gone.dois) keep.dois.add(d);
    for (const x of gone.arxivIds) keep.arxivIds.add(x);
    gone.parent = ra;
    return true;
  };
  const owners = new Map<string, number[]>();
  const link = (i: number, key: string, level: 'doi' | 'arxiv' | 'title'): void => {
    const list = owners.get(key);
    if (!list) {
      owners.set(key, [i]);
      return;
    }
    if (!list.some((j) => union(j, i, level))) list.push(i);
  };
  records.forEach((r, i) => {
    if (r.doi) link(i, `doi:${r.doi.toLowerCase()}`, 'doi');
    if (r.arxivId) link(i, `arxiv:${r.arxivId.replace(/v\d+$/, '')}`, 'arxiv');
  });
  // Titles last, so identifier merges have gathered their DOIs/ids before a title merge is checked.
  records.forEach((r, i) => {
    const t = normaliseTitle(r.title);
    if (t) link(i, `title:${t}`, 'title');
  });

  const members = new Map<number, PaperRecord[]>();
  records.forEach((r, i) => {
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(r);
    else members.set(root, [r]);
  });
  return [...members.keys()].sort((a, b) => a - b).map((root) => combine(members.get(root)!));
}

const firstDefined = <K extends keyof PaperRecord>(rs: PaperRecord[], k: K): PaperRecord[K] | undefined => rs.find((r) => r[k] !== undefined && r[k] !== '')?.[k];

/** Field by field: the first record's title, the longest abstract, the fullest author list, first of the rest. */
function combine(rs: PaperRecord[]): MergedPaper {
  const first = rs[0]!;
  const longest = rs.reduce((best, r) => (r.abstract.length > best.abstract.length ? r : best), first);
  const authored = rs.reduce<PaperRecord | undefined>((best, r) => ((r.authors?.length ?? 0) > (best?.authors?.length ?? 0) ? r : best), undefined);
  const categories = [...new Set(rs.flatMap((r) => r.categories ?? []))];
  const merged: MergedPaper = { title: first.title, abstract: longest.abstract, source: first.source, sources: rs.map((r) => r.source) };
  const year = firstDefined(rs, 'year');
  if (year !== undefined) merged.year = year;
  if (authored?.authors) merged.authors = authored.authors;
  for (const k of ['arxivId', 'doi', 'url', 'venue'] as const) {
    const v = firstDefined(rs, k);
    if (v !== undefined) merged[k] = v;
  }
  if (categories.length) merged.categories = categories;
  const ids = [...new Set(rs.flatMap((r) => r.ids ?? []))];
  if (ids.length) merged.ids = ids;
  if (rs.some((r) => r.references)) merged.references = [...new Set(rs.flatMap((r) => r.references ?? []))];
  return merged;
}
