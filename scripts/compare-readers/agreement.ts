/**
 * Field-by-field agreement of two reads of the same input, and the diagnostics each gave. Records
 * are paired by equal title first (the sides may yield them in another order: crossref children
 * wait for their parent in one and not the other), then the rest in file order; a record only one
 * side produced counts as a disagreement.
 */
import type { PaperRecord, ReadItem } from '../../src/model/paper.ts';

export const FIELDS = ['title', 'authors', 'year', 'abstract', 'ids'] as const;
type Field = (typeof FIELDS)[number];

function value(p: PaperRecord, f: Field): string {
  if (f === 'authors') return (p.authors ?? []).join('; ');
  if (f === 'year') return p.year === undefined ? '' : String(p.year);
  if (f === 'ids') return [p.doi && `doi:${p.doi}`, p.arxivId && `arxiv:${p.arxivId}`, ...(p.ids ?? [])].filter(Boolean).join(' ');
  return p[f];
}

export interface Read {
  papers: PaperRecord[];
  errors: number;
  /** Error diagnostics that name a line. */
  errorsWithLine: number;
  /** The lines those diagnostics name. */
  errorLines: number[];
  /** The read threw instead of yielding a diagnostic (the registry would lose the rest of the file). */
  threw?: string;
}

export async function collectRead(items: AsyncIterable<ReadItem>): Promise<Read> {
  const r: Read = { papers: [], errors: 0, errorsWithLine: 0, errorLines: [] };
  try {
    for await (const it of items) {
      if (it.kind === 'paper') r.papers.push(it.paper);
      else if (it.diagnostic.severity === 'error') {
        r.errors++;
        if (it.diagnostic.line !== undefined) {
          r.errorsWithLine++;
          r.errorLines.push(it.diagnostic.line);
        }
      }
    }
  } catch (err) {
    r.threw = (err as Error).message ?? String(err);
  }
  return r;
}

export interface Difference {
  where: string;
  field: Field | 'presence' | 'line';
  today: string;
  library: string;
}

/** [index in today's records, today's record, the library's record]; one side is missing for an unpaired record. */
function pairs(today: PaperRecord[], library: PaperRecord[]): Array<[number, PaperRecord | undefined, PaperRecord | undefined]> {
  const unused = new Map<string, number[]>();
  library.forEach((p, j) => unused.set(p.title, [...(unused.get(p.title) ?? []), j]));
  const taken = new Set<number>();
  const out: Array<[number, PaperRecord | undefined, PaperRecord | undefined]> = [];
  const rest: number[] = [];
  today.forEach((a, i) => {
    const j = unused.get(a.title)?.shift();
    if (j === undefined) rest.push(i);
    else {
      taken.add(j);
      out.push([i, a, library[j]]);
    }
  });
  const left = library.map((_, j) => j).filter((j) => !taken.has(j));
  for (let k = 0; k < Math.max(rest.length, left.length); k++) out.push([rest[k] ?? today.length + k, today[rest[k]!], library[left[k]!]]);
  return out;
}

export class Agreement {
  records = 0;
  agreeing = 0;
  linesAgreeing = 0;
  byField = new Map<string, number>();
  examples: Difference[] = [];

  add(where: string, today: Read, library: Read): boolean {
    let same = today.papers.length === library.papers.length;
    for (const [i, a, b] of pairs(today.papers, library.papers)) {
      this.records++;
      if (!a || !b) {
        same = false;
        this.note({ where, field: 'presence', today: a ? `"${a.title}"` : '(none)', library: b ? `"${b.title}"` : '(none)' });
        continue;
      }
      const differing = FIELDS.filter((f) => value(a, f) !== value(b, f));
      for (const f of differing) this.note({ where: `${where}, record ${i + 1}`, field: f, today: value(a, f), library: value(b, f) });
      if (differing.length === 0) this.agreeing++;
      else same = false;
      if (a.source.line === b.source.line) this.linesAgreeing++;
      else this.note({ where: `${where}, record ${i + 1}`, field: 'line', today: String(a.source.line ?? '(none)'), library: String(b.source.line ?? '(none)') });
    }
    return same;
  }

  private note(d: Difference): void {
    this.byField.set(d.field, (this.byField.get(d.field) ?? 0) + 1);
    // A few examples per kind of difference are enough to see what it is.
    if (this.examples.filter((e) => e.field === d.field).length < 3) this.examples.push(d);
  }
}

/** Per side, over many bad inputs: crashes, inputs with an error, error diagnostics naming a line. */
export class Diagnostics {
  cases = 0;
  threw = 0;
  withError = 0;
  errors = 0;
  errorsWithLine = 0;
  firstThrow = '';

  add(r: Read): void {
    this.cases++;
    if (r.threw !== undefined) {
      this.threw++;
      this.firstThrow ||= r.threw.slice(0, 100);
    }
    if (r.errors > 0) this.withError++;
    this.errors += r.errors;
    this.errorsWithLine += r.errorsWithLine;
  }
}
