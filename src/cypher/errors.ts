/** The engine's one error type; `kind` uses the same words as the Neo4j path (src/store/neo4j/errors.ts). */
export type CypherErrorKind = 'syntax' | 'invalid-query' | 'write-refused' | 'timeout' | 'type' | 'unsupported';

export interface ErrorPosition {
  line: number;
  column: number;
}

export class CypherError extends Error {
  constructor(
    readonly kind: CypherErrorKind,
    message: string,
    readonly position?: ErrorPosition,
  ) {
    super(message);
    this.name = 'CypherError';
  }
}

export const typeError = (message: string): CypherError => new CypherError('type', message);
export const invalid = (message: string): CypherError => new CypherError('invalid-query', message);

/** The HTTP status the server (and the console, for the worker's answers) gives each kind of error. */
export const ERROR_STATUS: Record<CypherErrorKind, number> = { syntax: 400, 'invalid-query': 400, type: 400, unsupported: 400, 'write-refused': 403, timeout: 408 };

/** The error as the API answers it: {status, error, kind, position?}. */
export function errorAnswer(err: CypherError): { status: number; error: string; kind: CypherErrorKind; position?: ErrorPosition } {
  return { status: ERROR_STATUS[err.kind], error: err.message, kind: err.kind, ...(err.position ? { position: err.position } : {}) };
}
