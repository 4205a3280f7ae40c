/**
 * Neo4j's own Cypher grammar (the ANTLR parser generated for @neo4j-cypher/language-support), run
 * in two stages: SLL prediction first (about 1 ms a query once warm), full LL only when SLL fails,
 * which is the one way ANTLR can then still report the right syntax error.
 *
 * The generated parser is imported by path: the package's index also loads its 22 MB semantic
 * analyser, which takes seconds to load in Node and is not needed to parse.
 */
import { CharStreams, CommonTokenStream, ErrorListener, PredictionMode, type Recognizer, type Token } from 'antlr4';
import CypherLexer from '../../node_modules/@neo4j-cypher/language-support/dist/esm/project/language-support/src/generated-parser/CypherCmdLexer.js';
import CypherParser, { type StatementsContext } from '../../node_modules/@neo4j-cypher/language-support/dist/esm/project/language-support/src/generated-parser/CypherCmdParser.js';
import { CypherError } from './errors.ts';

export { CypherParser };
export * as P from '../../node_modules/@neo4j-cypher/language-support/dist/esm/project/language-support/src/generated-parser/CypherCmdParser.js';

class Collect extends ErrorListener<Token | number> {
  first: CypherError | undefined;
  override syntaxError(_r: Recognizer<Token | number>, _s: Token | number, line: number, column: number, msg: string): void {
    this.first ??= new CypherError('syntax', `Invalid input: ${msg} (line ${line}, column ${column + 1})`, { line, column: column + 1 });
  }
}

function attempt(text: string, mode: 'SLL' | 'LL'): { tree: StatementsContext; error: CypherError | undefined } {
  const errors = new Collect();
  const lexer = new CypherLexer(CharStreams.fromString(text));
  lexer.removeErrorListeners();
  lexer.addErrorListener(errors as unknown as ErrorListener<number>);
  const parser = new CypherParser(new CommonTokenStream(lexer));
  parser.removeErrorListeners();
  parser.addErrorListener(errors as unknown as ErrorListener<Token>);
  (parser as unknown as { _interp: { predictionMode: number } })._interp.predictionMode = mode === 'SLL' ? PredictionMode.SLL : PredictionMode.LL;
  const tree = parser.statements();
  return { tree, error: errors.first };
}

/** The parse tree of one Cypher text, or a syntax error naming line and column. */
export function parseTree(text: string): StatementsContext {
  const fast = attempt(text, 'SLL');
  if (!fast.error) return fast.tree;
  const full = attempt(text, 'LL');
  if (full.error) throw full.error;
  return full.tree;
}
