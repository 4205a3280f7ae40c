/**
 * Neo4j failures a user can act on, recognised by their error code (never by message text) and
 * turned into one line each. The same classification drives the CLI's exit codes and the API's
 * HTTP statuses.
 */
import { Neo4jError } from 'neo4j-driver';

export type Neo4jFailureKind =
  | 'unreachable'
  | 'unauthorized'
  | 'database-not-found'
  | 'write-refused'
  | 'syntax'
  | 'timeout'
  | 'invalid-query'
  | 'other';

export interface Neo4jFailure {
  kind: Neo4jFailureKind;
  code: string;
  /** One line for a person: what happened and what to do. */
  message: string;
  /** Neo4j's own message (first line), for syntax errors and the like. */
  detail?: string;
  /** For syntax errors: where in the query, when Neo4j says. */
  position?: { offset: number; line: number; column: number };
}

/** Raised by papergraph itself when it refuses a query before Neo4j sees it as a write. */
export class WriteRefusedError extends Error {
  readonly code = 'Papergraph.WriteRefused';
}

/** Raised when a Neo4j call did not answer within our own deadline. */
export class ClientTimeoutError extends Error {
  readonly code = 'Papergraph.ClientTimeout';
}

/**
 * A Neo4j error about the EXPLAIN papergraph ran, told about the user's own text: the position moved
 * back by the characters papergraph put in front, and the echoed query (which shows them) dropped.
 */
export class QueryPositionError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly diagnosticRecord?: { _position: { offset: number; line: number; column: number } },
  ) {
    super(message);
  }

  static shifted(err: unknown, shift: number): QueryPositionError {
    const code = errorCode(err);
    const position = syntaxPosition(err);
    const moved = position && { offset: Math.max(0, position.offset - shift), line: position.line, column: position.line === 1 ? Math.max(1, position.column - shift) : position.column };
    let message = firstLine(err instanceof Error ? err.message : String(err));
    if (moved) message = message.replace(/line \d+, column \d+ \(offset: \d+\)/, `line ${moved.line}, column ${moved.column} (offset: ${moved.offset})`);
    return new QueryPositionError(message, code, moved ? { _position: moved } : undefined);
  }
}

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.TransactionTimedOut',
  'Neo.TransientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.ClientError.Transaction.TransactionMarkedAsFailed',
]);

const UNREACHABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function classifyNeo4jError(err: unknown, where: { uri?: string; database?: string; passwordSource?: string } = {}): Neo4jFailure {
  const code = errorCode(err);
  const detail = firstLine(err instanceof Error ? err.message : String(err));
  if (err instanceof WriteRefusedError) {
    return { kind: 'write-refused', code, message: `refused: ${err.message}`, detail };
  }
  if (err instanceof ClientTimeoutError || TIMEOUT_CODES.has(code)) {
    return { kind: 'timeout', code, message: 'the query did not finish within the timeout and was stopped (raise it with --timeout)', detail };
  }
  if (UNREACHABLE_CODES.has(code)) {
    return {
      kind: 'unreachable',
      code,
      message: `cannot reach Neo4j at ${where.uri ?? 'NEO4J_URI'}: start the bundled server with \`npm run neo4j:start\` or set NEO4J_URI`,
      detail,
    };
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return {
      kind: 'unauthorized',
      code,
      message: `Neo4j at ${where.uri ?? 'NEO4J_URI'} refused the user name or password (password from ${where.passwordSource ?? 'NEO4J_PASSWORD'})`,
      detail,
    };
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return {
      kind: 'database-not-found',
      code,
      message: `Neo4j has no database "${where.database ?? '(default)'}": check NEO4J_DATABASE`,
      detail,
    };
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code === 'Neo.ClientError.Security.Forbidden') {
    return { kind: 'write-refused', code, message: 'refused: queries run read-only here, and this one tries to write', detail };
  }
  if (code === 'Neo.ClientError.Statement.SyntaxError') {
    return { kind: 'syntax', code, message: `Cypher syntax error: ${detail}`, detail, position: syntaxPosition(err) };
  }
  if (code.startsWith('Neo.ClientError.Statement.') || code.startsWith('Neo.ClientError.Procedure.') || code.startsWith('Neo.ClientError.Schema.')) {
    return { kind: 'invalid-query', code, message: `Neo4j refused the query (${code}): ${detail}`, detail };
  }
  return { kind: 'other', code, message: `Neo4j error${code ? ` ${code}` : ''}: ${detail}`, detail };
}

export function errorCode(err: unknown): string {
  if (err instanceof Neo4jError) return err.code;
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
    return (err as { code: string }).code;
  }
  return '';
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0]!.trim();
}

/**
 * Neo4j reports a syntax error's place in the message text ("(line 1, column 8 (offset: 7))");
 * newer servers also carry it in the GQL diagnostic record. Prefer the structured record.
 */
function syntaxPosition(err: unknown): Neo4jFailure['position'] {
  const record = err && typeof err === 'object' ? (err as { diagnosticRecord?: { _position?: { offset?: unknown; line?: unknown; column?: unknown } } }).diagnosticRecord : undefined;
  const p = record?._position;
  if (p && typeof p.offset === 'number' && typeof p.line === 'number' && typeof p.column === 'number') {
    return { offset: p.offset, line: p.line, column: p.column };
  }
  const m = /line (\d+), column (\d+) \(offset: (\d+)\)/.exec(err instanceof Error ? err.message : '');
  return m ? { line: Number(m[1]), column: Number(m[2]), offset: Number(m[3]) } : undefined;
}
