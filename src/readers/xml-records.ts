/**
 * Streams an XML file through saxes and hands out, one at a time, a small element tree for each
 * record element (<record> in OAI-PMH, <entry> in Atom), so memory holds one record, never the file.
 * Names are compared by local name (prefixes dropped), which is how both formats are documented.
 * Broken XML stops the file with one diagnostic giving line and column; records before it are kept.
 */
import { SaxesParser } from 'saxes';
import type { ReadItem } from '../model/paper.ts';
import type { ReaderInput } from './reader.ts';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text directly inside this element, in order. */
  text: string;
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i === -1 ? name : name.slice(i + 1);
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** All text inside a node, descendants included. */
export function textOf(node: XmlNode | undefined): string {
  if (!node) return '';
  return node.children.length === 0 ? node.text : node.text + node.children.map(textOf).join('');
}

export interface XmlRecord {
  node: XmlNode;
  line: number;
}

/** Largest record text kept; a bigger one is certainly not paper metadata. */
const MAX_RECORD_TEXT = 16 * 1024 * 1024;

/**
 * Yields each element named one of `recordNames` (local names) as a tree, or a diagnostic.
 * `onOther` sees elements outside records (for an OAI-PMH <error>), as a tree too when listed
 * in `alsoCapture`.
 */
export async function* readXmlRecords(
  input: ReaderInput,
  recordNames: Set<string>,
  alsoCapture: Set<string> = new Set(),
): AsyncGenerator<{ record: XmlRecord; other: boolean } | { diagnostic: ReadItem }> {
  const parser = new SaxesParser({ position: true });
  const done: Array<{ record: XmlRecord; other: boolean }> = [];
  const stack: XmlNode[] = [];
  let captureLine = 0;
  let captureOther = false;
  let textSize = 0;
  let error: { message: string; line: number; column: number } | null = null;
  /** How many records had closed when the error came: later ones in the same chunk are not trusted. */
  let goodBeforeError = 0;
  let sawRoot = false;

  parser.on('opentag', (tag) => {
    sawRoot = true;
    const name = localName(tag.name);
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes as Record<string, string>)) attrs[localName(k)] = v;
    if (stack.length === 0 && !recordNames.has(name) && !alsoCapture.has(name)) return;
    if (stack.length === 0) {
      captureLine = parser.line;
      captureOther = !recordNames.has(name);
      textSize = 0;
    }
    const node: XmlNode = { name, attrs, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  const onText = (t: string): void => {
    const top = stack.at(-1);
    if (!top) return;
    textSize += t.length;
    if (textSize <= MAX_RECORD_TEXT) top.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (stack.length === 0) return;
    const node = stack.pop()!;
    if (stack.length === 0) done.push({ record: { node, line: captureLine }, other: captureOther });
  });
  parser.on('error', (e) => {
    if (!error) goodBeforeError = done.length;
    if (!error) error = { message: e.message.replace(/^[^:]*:\d+:\d+: /, ''), line: parser.line, column: parser.column };
  });

  const broken = (): { diagnostic: ReadItem } => ({
    diagnostic: {
      kind: 'diagnostic',
      diagnostic: {
        file: input.file,
        line: error!.line,
        severity: 'error',
        message: `broken XML at line ${error!.line}, column ${error!.column}: ${error!.message}; expected well-formed XML (records before this point were kept)`,
      },
    },
  });

  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input.open() as AsyncIterable<Buffer>) {
    parser.write(decoder.decode(chunk, { stream: true }));
    // Records completed before an error are good; hand them out, then stop at the error.
    if (error) {
      yield* done.splice(0, goodBeforeError);
      yield broken();
      return;
    }
    yield* done.splice(0);
  }
  parser.close();
  yield* done.splice(0, error ? goodBeforeError : done.length);
  if (error) yield broken();
  else if (!sawRoot) yield { diagnostic: { kind: 'diagnostic', diagnostic: { file: input.file, severity: 'error', message: 'no XML element found; expected an XML document' } } };
}
