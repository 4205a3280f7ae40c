/**
 * A small Cypher mode for CodeMirror 6 (a stream tokenizer: keywords, functions, strings, numbers,
 * comments, :Labels and :TYPES, $parameters) and completion of the schema's labels and relationship
 * types (src/model/schema.ts), keywords and common properties.
 */
import { type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { HighlightStyle, StreamLanguage, type StringStream } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { EDGE_TYPES, NODE_KINDS } from '../../model/schema.ts';

export const KEYWORDS = [
  'MATCH', 'OPTIONAL', 'WHERE', 'RETURN', 'WITH', 'UNWIND', 'ORDER', 'BY', 'ASC', 'DESC', 'SKIP', 'LIMIT', 'AS', 'DISTINCT',
  'AND', 'OR', 'XOR', 'NOT', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'CALL', 'YIELD',
  'UNION', 'ALL', 'EXISTS', 'CONTAINS', 'STARTS', 'ENDS', 'COUNT', 'CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH', 'REMOVE',
];
const KEYWORD_SET = new Set(KEYWORDS.map((k) => k.toLowerCase()));
const FUNCTIONS = ['count', 'collect', 'size', 'toLower', 'toUpper', 'coalesce', 'type', 'labels', 'id', 'elementId', 'keys', 'head', 'last', 'min', 'max', 'avg', 'sum', 'shortestPath', 'allShortestPaths', 'nodes', 'relationships', 'length', 'exists', 'any', 'none', 'single', 'round'];
const PROPERTIES = ['id', 'name', 'title', 'abstract', 'year', 'aliases', 'cluster', 'label', 'size', 'evidence', 'score', 'weight', 'url', 'doi', 'arxivId'];

interface State {
  /** Inside a block comment. */
  comment: boolean;
}

function token(stream: StringStream, state: State): string | null {
  if (state.comment) {
    if (stream.skipTo('*/')) {
      stream.next();
      stream.next();
      state.comment = false;
    } else stream.skipToEnd();
    return 'comment';
  }
  if (stream.eatSpace()) return null;
  if (stream.match('//')) {
    stream.skipToEnd();
    return 'comment';
  }
  if (stream.match('/*')) {
    state.comment = true;
    return 'comment';
  }
  const ch = stream.peek()!;
  if (ch === '"' || ch === "'") {
    stream.next();
    let escaped = false;
    for (let c = stream.next(); c !== undefined; c = stream.next()) {
      if (c === ch && !escaped) break;
      escaped = !escaped && c === '\\';
    }
    return 'string';
  }
  if (ch === '`') {
    stream.next();
    stream.skipTo('`');
    stream.next();
    return 'variableName';
  }
  if (stream.match(/^\$[A-Za-z_][\w]*/)) return 'variableName.special';
  if (stream.match(/^:\s*[A-Za-z_][\w]*/)) return 'typeName';
  if (stream.match(/^-?\d+(\.\d+)?([eE][-+]?\d+)?/)) return 'number';
  if (stream.match(/^[A-Za-z_][\w]*/)) {
    const word = stream.current();
    if (KEYWORD_SET.has(word.toLowerCase())) return 'keyword';
    if (stream.peek() === '(') return 'function';
    return 'variableName';
  }
  stream.next();
  return /[-<>=+*/%|]/.test(ch) ? 'operator' : 'punctuation';
}

export const cypherLanguage = StreamLanguage.define<State>({
  name: 'cypher',
  startState: () => ({ comment: false }),
  token,
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
});

export const cypherHighlight = HighlightStyle.define([
  { tag: tags.keyword, color: '#8b2fc9', fontWeight: '600' },
  { tag: tags.string, color: '#1a7f37' },
  { tag: tags.number, color: '#b35900' },
  { tag: tags.comment, color: '#6a737d', fontStyle: 'italic' },
  { tag: tags.typeName, color: '#0b5cad' },
  { tag: tags.special(tags.variableName), color: '#b31d28' },
  { tag: tags.function(tags.variableName), color: '#6f42c1' },
  { tag: tags.operator, color: '#444' },
]);

/** Completion: after ':' the schema's labels and relationship types; elsewhere keywords, functions, properties. */
export function cypherCompletions(context: CompletionContext): CompletionResult | null {
  const label = context.matchBefore(/:\s*\w*/);
  if (label) {
    const from = label.from + label.text.search(/\w|$/);
    return {
      from,
      options: [
        ...NODE_KINDS.map((k) => ({ label: k, type: 'class', detail: 'label' })),
        'Cluster',
        ...EDGE_TYPES.map((t) => ({ label: t, type: 'type', detail: 'relationship' })),
        { label: 'IN_CLUSTER', type: 'type', detail: 'relationship' },
      ].map((o) => (typeof o === 'string' ? { label: o, type: 'class', detail: 'label' } : o)),
    };
  }
  const prop = context.matchBefore(/\.\w*/);
  if (prop) return { from: prop.from + 1, options: PROPERTIES.map((p) => ({ label: p, type: 'property' })) };
  const word = context.matchBefore(/\w+/);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  return {
    from: word.from,
    options: [...KEYWORDS.map((k) => ({ label: k, type: 'keyword' })), ...FUNCTIONS.map((f) => ({ label: f, type: 'function', apply: `${f}(` }))],
  };
}
