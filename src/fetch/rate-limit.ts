/**
 * The shortest pause between two requests of one fetch (retries too), counted from the end of one
 * to the start of the next: so however long a request takes to arrive, the server never sees two
 * closer together than the limit.
 */
export interface RateLimiter {
  /** Resolves when the next request may start. */
  wait(): Promise<void>;
  /** The request has its answer (or failed): the pause starts now. */
  finished(): void;
  /** Pushes the next start later (a Retry-After the server asked for). */
  delay(ms: number): void;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export function createRateLimiter(minIntervalMs: number, clock: Clock = realClock): RateLimiter {
  let earliest = 0;
  return {
    async wait() {
      const now = clock.now();
      if (now < earliest) await clock.sleep(earliest - now);
    },
    finished() {
      earliest = Math.max(earliest, clock.now() + minIntervalMs);
    },
    delay(ms) {
      earliest = Math.max(earliest, clock.now() + ms);
    },
  };
}
