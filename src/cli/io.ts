/** Side effects a command may use, passed in so tests can capture output exactly. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A user-facing failure: printed as one line, no stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** Finished, but some inputs or records were skipped. */
  skipped: 1,
  /** Bad command line or nothing usable at all. */
  usage: 2,
  /** A service (Neo4j) could not be reached or refused us. */
  service: 3,
} as const;
