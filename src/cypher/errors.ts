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
