/**
 * A few write transactions in flight at once, each on its own session: Bolt loads were bound by
 * one round trip at a time. `submit` waits for a free slot, so a producer reading a snapshot never
 * runs more than `size` batches ahead of the database. The first failure stops the pool and is
 * raised by the next `submit` or `drain`.
 */
import type { Driver, ManagedTransaction, QueryResult, Session } from 'neo4j-driver';

export interface Statement {
  query: string;
  params: Record<string, unknown>;
}

export class WritePool {
  private readonly free: Session[] = [];
  private readonly all: Session[] = [];
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    readonly size: number,
  ) {}

  /** Runs the statements in order in one write transaction (retried whole on transient errors); `done` gets their results. */
  async submit(statements: Statement[], done: (results: QueryResult[]) => void): Promise<void> {
    this.raise();
    while (this.running.size >= this.size) {
      await Promise.race(this.running);
      this.raise();
    }
    const session = this.free.pop() ?? this.open();
    const work = this.write(session, statements)
      .then(done)
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.free.push(session);
        this.running.delete(work);
      });
    this.running.add(work);
  }

  /**
   * Concurrent batches that link to the same popular entity can deadlock; Neo4j rolls one back with a
   * transient error. The driver retries for a while; past that, the batch is run again here after a
   * pause, a few times, before the load gives up.
   */
  private async write(session: Session, statements: Statement[]): Promise<QueryResult[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await session.executeWrite(async (tx: ManagedTransaction) => {
          const results: QueryResult[] = [];
          for (const s of statements) results.push(await tx.run(s.query, s.params));
          return results;
        });
      } catch (err) {
        const code = String((err as { code?: unknown }).code ?? '');
        if (attempt >= 8 || !code.startsWith('Neo.TransientError.')) throw err;
        await new Promise((r) => setTimeout(r, 200 * attempt + Math.random() * 500));
      }
    }
  }

  /** Waits for every transaction in flight. */
  async drain(): Promise<void> {
    await Promise.all(this.running);
    this.raise();
  }

  async close(): Promise<void> {
    await Promise.all(this.running);
    await Promise.all(this.all.map((s) => s.close()));
  }

  private open(): Session {
    const s = this.driver.session({ database: this.database });
    this.all.push(s);
    return s;
  }

  private raise(): void {
    if (this.failure) throw this.failure.error;
  }
}
