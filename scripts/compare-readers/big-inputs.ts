/**
 * Large generated inputs for the throughput figures: real abstracts from ../shared/corpus, written
 * as CSV (quoted fields with commas, quotes and newlines), BibTeX (accents, braces, a @string macro)
 * and JSON (JSON Lines, and one pretty-printed array) until the file reaches the size asked for.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { SHARED_DIR } from '../../test/support/fuzz-cases.ts';

interface Sample {
  title: string;
  abstract: string;
  authors: string[];
  year: number;
}

function samples(): Sample[] {
  const lines = readFileSync(join(SHARED_DIR, 'corpus', 'ml-abstracts.jsonl'), 'utf8').trim().split('\n');
  return lines.map((l, i) => {
    const o = JSON.parse(l) as { title?: string; abstract?: string };
    return { title: o.title ?? `Paper ${i}`, abstract: o.abstract ?? '', authors: [`Müller, Jörg`, `Smith, Ann ${i % 97}`, `Nguyen, Van`], year: 2000 + (i % 25) };
  });
}

const csvQuote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const bibEscape = (s: string): string => s.replace(/[{}\\]/g, '').replace(/ü/g, '{\\"u}').replace(/ö/g, '{\\"o}');

type Writer = (s: Sample, n: number) => string;

const WRITERS: Record<string, { head: string; record: Writer; between?: string; tail: string }> = {
  csv: { head: 'title,authors,year,abstract,doi\n', record: (s, n) => `${csvQuote(`${s.title} ${n}`)},${csvQuote(s.authors.join('; '))},${s.year},${csvQuote(`${s.abstract} He said "yes", twice.\nSecond line.`)},10.1000/x${n}\n`, tail: '' },
  bib: {
    head: '@string{jmlr = "Journal of Machine Learning Research"}\n\n',
    record: (s, n) => `@article{key${n},\n  title = {${bibEscape(s.title)} {GAN} ${n}},\n  author = {${s.authors.map(bibEscape).join(' and ')}},\n  journal = jmlr,\n  year = ${s.year},\n  abstract = {${bibEscape(s.abstract)}}\n}\n\n`,
    tail: '',
  },
  jsonl: { head: '', record: (s, n) => `${JSON.stringify({ title: `${s.title} ${n}`, abstract: s.abstract, authors: s.authors, year: s.year, doi: `10.1000/x${n}` })}\n`, tail: '' },
  json: { head: '[\n', record: (s, n) => JSON.stringify({ title: `${s.title} ${n}`, abstract: s.abstract, authors: s.authors, year: s.year, doi: `10.1000/x${n}` }, null, 2), between: ',\n', tail: '\n]\n' },
};

/** Writes `megabytes` of records of one kind (csv, bib, jsonl, json) to `path`; returns the byte size. */
export async function writeBigInput(kind: keyof typeof WRITERS, path: string, megabytes: number): Promise<number> {
  const w = WRITERS[kind]!;
  const all = samples();
  const out = createWriteStream(path);
  let bytes = 0;
  const put = async (s: string): Promise<void> => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await put(w.head);
  for (let n = 0; bytes < megabytes * 1024 * 1024; n++) await put((n > 0 && w.between ? w.between : '') + w.record(all[n % all.length]!, n));
  await put(w.tail);
  out.end();
  await once(out, 'close');
  return bytes;
}
