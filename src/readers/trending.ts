/**
 * Reader for the trending-papers text format (../shared/corpus/trending-papers.txt): paragraphs
 * separated by blank lines, each paper a one-line title paragraph followed by its abstract paragraph.
 * Page furniture (newsletter lines, "new", a date) is recognised by what it is, never by position.
 */
import type { ReadItem } from '../model/paper.ts';
import { readLines, tooLongMessage, type Line } from './lines.ts';
import type { Reader, ReaderInput } from './reader.ts';

export const TRENDING_FORMAT = 'trending';

/** A run of non-blank lines. */
interface Block {
  lines: Line[];
  text: string;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** "Mar 11", "Mar 11, 2024", "11 March 2024", "2024-03-11", "Published on Mar 11". */
const DATE_PATTERNS = [
  new RegExp(`^(?:published (?:on )?|submitted (?:on )?)?${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?$`, 'i'),
  new RegExp(`^(?:published (?:on )?|submitted (?:on )?)?\\d{1,2}\\s+${MONTH}(?:,?\\s+\\d{4})?$`, 'i'),
  /^\d{4}-\d{2}-\d{2}$/,
  /^\d{1,2}\/\d{1,2}\/\d{2,4}$/,
];
/** Phrases a trending-papers page puts around its list (newsletter box, byline, badges, counters). */
const FURNITURE_PATTERNS = [
  /^new$/i,
  /^subscribe$/i,
  /^get trending papers in your (?:email )?inbox!?$/i,
  /^by\s?\S+ and the research community$/i,
  /^(?:daily|trending) papers$/i,
  /^(?:upvote|submitted by|view all|load more|see all)\b.{0,40}$/i,
  /^[\d,.]+k?\s*(?:upvotes?|stars?|comments?|likes?)?$/i,
  /^[•·|\-–—*]+$/,
];

export function isFurniture(text: string): boolean {
  const t = text.trim();
  return DATE_PATTERNS.some((p) => p.test(t)) || FURNITURE_PATTERNS.some((p) => p.test(t));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * An abstract is prose: several lines, or long, or ending like a sentence. A title is one line
 * that does not end with a full stop (titles may contain "?" or ":").
 */
export function isAbstractLike(block: Block): boolean {
  const words = wordCount(block.text);
  if (block.lines.length > 1 || words >= 30) return true;
  // Titles never end with a full stop; even a two-word paragraph that does is prose.
  return /\.["')\]]?$/.test(block.text) && !/\b(?:et al|etc|vs)\.$/i.test(block.text);
}

function blockItem(file: string, block: Block): { file: string; line: number; offset: number } {
  const first = block.lines[0]!;
  return { file, line: first.line, offset: first.offset };
}

async function* blocks(lines: AsyncIterable<Line>): AsyncGenerator<Block> {
  let current: Line[] = [];
  const flush = (): Block => ({ lines: current, text: current.map((l) => l.text).join('\n').trim() });
  for await (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length > 0) yield flush();
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) yield flush();
}

export async function* readTrending(file: string, content: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<ReadItem> {
  let title: Block | null = null;
  const missingAbstract = (t: Block, next: string): ReadItem => ({
    kind: 'diagnostic',
    diagnostic: {
      ...blockItem(file, t),
      severity: 'error',
      message: `title "${truncate(t.text)}" has no abstract: expected its abstract paragraph after a blank line, found ${next}`,
    },
  });
  const tooLong: Line[] = [];
  const lines = async function* (): AsyncGenerator<Line> {
    for await (const l of readLines(content)) {
      if (l.tooLong !== undefined) tooLong.push(l);
      yield l; // an empty line: it ends the paragraph it interrupts
    }
  };
  const skipped = (): ReadItem[] =>
    tooLong.splice(0).map((l) => ({ kind: 'diagnostic', diagnostic: { file, line: l.line, offset: l.offset, severity: 'error', message: tooLongMessage(l.tooLong!, 'a title line or an abstract paragraph') } }));
  for await (const block of blocks(lines())) {
    yield* skipped();
    // Furniture is transparent: it neither starts nor ends a paper.
    if (block.lines.length === 1 && isFurniture(block.text)) continue;
    if (title === null) {
      if (isAbstractLike(block) && wordCount(block.text) >= 30) {
        yield {
          kind: 'diagnostic',
          diagnostic: {
            ...blockItem(file, block),
            severity: 'error',
            message: `paragraph "${truncate(block.text)}" has no title: expected a one-line title, a blank line, then the abstract`,
          },
        };
      } else {
        title = block;
      }
      continue;
    }
    if (isAbstractLike(block)) {
      const first = title.lines[0]!;
      yield {
        kind: 'paper',
        paper: {
          title: title.text.replace(/\s+/g, ' '),
          abstract: block.text,
          source: { file, line: first.line, offset: first.offset, format: TRENDING_FORMAT },
        },
      };
      title = null;
      continue;
    }
    // Two title-like paragraphs in a row: a one-word line is unknown furniture ("Trending"),
    // anything longer is a paper that lost its abstract, which the user must hear about.
    if (wordCount(title.text) >= 2) yield missingAbstract(title, `another title at line ${block.lines[0]!.line}`);
    title = block;
  }
  yield* skipped();
  if (title !== null && wordCount(title.text) >= 2) yield missingAbstract(title, 'the end of the file');
}

function truncate(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Plain text whose paragraphs alternate short title lines and long prose. */
export function sniffTrending(head: string): boolean {
  if (/^\s*[{[<@]/.test(head)) return false;
  const paras = head.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter(Boolean);
  for (let i = 1; i < paras.length; i++) {
    const prev = paras[i - 1]!;
    const cur = paras[i]!;
    if (!prev.includes('\n') && wordCount(prev) <= 40 && !/[.]$/.test(prev) && wordCount(cur) >= 5 && (wordCount(cur) >= 30 || /\.$/.test(cur))) {
      return true;
    }
  }
  return paras.some((p) => isFurniture(p) && /trending papers/i.test(p));
}

export const trendingReader: Reader = {
  name: TRENDING_FORMAT,
  description: 'trending-papers text: a title line, a blank line, the abstract paragraph',
  sniff: sniffTrending,
  read: (input: ReaderInput) => readTrending(input.file, input.open() as AsyncIterable<Buffer>),
};
