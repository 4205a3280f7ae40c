/**
 * Cuts a BibTeX file into entry texts by brace depth, one entry in memory at a time. An entry still
 * open when the next "@type{" line starts (or at the end of the file) is reported with its line and
 * the number of unclosed braces, and reading goes on; so does it after an entry or a line over the
 * size caps.
 */
import type { ReadItem } from '../model/paper.ts';
import { readLines, tooLongMessage } from './lines.ts';
import type { ReaderInput } from './reader.ts';

const MAX_ENTRY_CHARS = 1024 * 1024;
const ENTRY_START = /^\s*@([a-zA-Z]+)\s*[{(]/;

export interface RawEntry {
  text: string;
  line: number;
}

/** Cuts the file into entry texts by brace depth, recovering at the next "@type{" line when braces never close. */
export async function* rawEntries(input: ReaderInput, report: (d: ReadItem) => void): AsyncGenerator<RawEntry> {
  let cur: string[] | null = null;
  let curLine = 0;
  let curChars = 0;
  let depth = 0;
  let opened = false;
  let closeWith = '}';
  let tooBig = false;
  const unclosed = (where: string): void => {
    report({
      kind: 'diagnostic',
      diagnostic: {
        file: input.file,
        line: curLine,
        severity: 'error',
        message: `entry "${(cur![0] ?? '').trim().slice(0, 40)}" is not closed: unbalanced braces (${depth} "{" still open at ${where}); expected "}"`,
      },
    });
  };
  for await (const { text, line, tooLong } of readLines(input.open() as AsyncIterable<Buffer>)) {
    if (tooLong !== undefined) {
      report({ kind: 'diagnostic', diagnostic: { file: input.file, line, severity: 'error', message: tooLongMessage(tooLong, 'BibTeX entries of sensible size') } });
      if (cur) tooBig = true;
      continue;
    }
    let i = 0;
    if (cur && ENTRY_START.test(text) && depth > 0) {
      unclosed(`line ${line}, where the next entry starts`);
      cur = null;
    }
    while (i < text.length) {
      if (!cur) {
        const at = text.indexOf('@', i);
        if (at === -1) break;
        cur = [];
        curLine = line;
        curChars = 0;
        depth = 0;
        opened = false;
        tooBig = false;
        i = at;
        const rest = text.slice(at);
        const m = /^@[a-zA-Z]+\s*([{(])/.exec(rest);
        if (!m) {
          // A stray "@" (an e-mail address in a comment) is not an entry.
          cur = null;
          i = at + 1;
          continue;
        }
        closeWith = m[1] === '(' ? ')' : '}';
      }
      const start = i;
      let ended = false;
      for (; i < text.length; i++) {
        const c = text[i];
        if (c === '\\') {
          i++;
          continue;
        }
        if (c === '{' || (c === '(' && closeWith === ')' && !opened)) {
          depth++;
          opened = true;
        } else if (c === '}' || (c === ')' && closeWith === ')' && depth === 1)) {
          depth--;
          if (opened && depth === 0) {
            i++;
            ended = true;
            break;
          }
        }
      }
      const piece = text.slice(start, i);
      curChars += piece.length;
      if (curChars > MAX_ENTRY_CHARS) tooBig = true;
      else cur!.push(piece);
      if (ended) {
        if (tooBig) {
          report({ kind: 'diagnostic', diagnostic: { file: input.file, line: curLine, severity: 'error', message: `entry longer than ${MAX_ENTRY_CHARS} characters; expected one BibTeX entry` } });
        } else {
          yield { text: cur!.join(''), line: curLine };
        }
        cur = null;
      }
    }
    if (cur) cur.push('\n');
  }
  if (cur && opened) unclosed('the end of the file');
}
