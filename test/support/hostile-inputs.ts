/**
 * Small files built to take a reader down: each one a crafted entry between two good ones, so a
 * test can check that ingest finishes, stays small, names the bad entry and keeps the good ones.
 * Shared by the reader tests, the fuzz seeds and `npm run hostile-ingest`.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';

export interface HostileInput {
  name: string;
  /** File name to write it under (the content is sniffed; .gz is decompressed). */
  file: string;
  /** The crafted bytes, for inputs small enough to hold (the fuzz seeds). */
  bytes?: () => Buffer;
  write(path: string): Promise<void>;
  /** Titles of the good entries around the crafted one, all of which must be read. */
  good: string[];
  /** The line of the crafted entry (or of the first line it makes fail). */
  line: number;
}

const goodBib = (key: string, title: string) => `@article{${key}, title = {${title}}, abstract = {A fine abstract.}}\n`;
const goodJson = (title: string) => `${JSON.stringify({ title, abstract: 'A fine abstract.' })}\n`;

/** `@string` macros that double at each level: 2^(levels+1) characters from a few hundred bytes. */
export function macroBomb(levels = 40): string {
  const lines = ['@string{m0 = "xx"}'];
  for (let i = 1; i <= levels; i++) lines.push(`@string{m${i} = m${i - 1} # m${i - 1}}`);
  return `${lines.join('\n')}\n`;
}

async function writeChunks(path: string, chunks: Iterable<Buffer | string>, gzip = false): Promise<void> {
  const file = createWriteStream(path);
  const sink = gzip ? createGzip({ level: 9 }) : file;
  if (gzip) sink.pipe(file);
  for (const c of chunks) if (!sink.write(c)) await once(sink, 'drain');
  sink.end();
  await once(file, 'close');
}

function small(name: string, file: string, text: () => string, good: string[], line: number): HostileInput {
  return { name, file, bytes: () => Buffer.from(text()), write: (p) => writeChunks(p, [text()]), good, line };
}

export function authorSpaces(spaces: number): string {
  return `${goodBib('g1', 'Good Before Spaces')}@article{spaces, title = {Spaced Authors}, author = {A${' '.repeat(spaces)}B and C D}}\n${goodBib('g2', 'Good After Spaces')}`;
}

export function deepLatex(depth: number): string {
  return `${goodBib('g1', 'Good Before Nesting')}@article{deep, title = {${'\\textbf{'.repeat(depth)}x${'}'.repeat(depth)}}}\n${goodBib('g2', 'Good After Nesting')}`;
}

const MB = 1024 * 1024;

function* repeated(byte: number, megabytes: number): Generator<Buffer> {
  const piece = Buffer.alloc(MB, byte);
  for (let i = 0; i < megabytes; i++) yield piece;
}

export const HOSTILE_INPUTS: HostileInput[] = [
  small(
    'BibTeX @string macros doubling 40 times',
    'macro-bomb.bib',
    () => `${goodBib('g1', 'Good Before Macros')}${macroBomb()}@article{bomb, title = m40, abstract = {x}}\n${goodBib('g2', 'Good After Macros')}`,
    ['Good Before Macros', 'Good After Macros'],
    2,
  ),
  small('BibTeX author field with 200k spaces', 'author-spaces.bib', () => authorSpaces(200_000), ['Good Before Spaces', 'Spaced Authors', 'Good After Spaces'], 2),
  small('BibTeX title nesting \\textbf{ 100k deep', 'deep-latex.bib', () => deepLatex(100_000), ['Good Before Nesting', 'Good After Nesting'], 2),
  {
    name: '.gz holding one 400 MB line',
    file: 'long-line.jsonl.gz',
    write: (p) => writeChunks(p, [goodJson('Good Before Long Line'), '{"title": "', ...repeated(0x61, 400), `"}\n`, goodJson('Good After Long Line')], true),
    good: ['Good Before Long Line', 'Good After Long Line'],
    line: 2,
  },
  {
    name: 'CSV unquoted field of 64 MB',
    file: 'long-field.csv',
    write: (p) => writeChunks(p, ['title,abstract\nGood Before Long Field,Fine.\nLong,', ...repeated(0x62, 64), '\nGood After Long Field,Fine.\n']),
    good: ['Good Before Long Field', 'Good After Long Field'],
    line: 3,
  },
];
