/**
 * Temporary JSON Lines files, one per top-level cluster, so the map stage holds one cluster of a
 * snapshot at a time instead of all of it. Writes are buffered and appended in large pieces.
 */
import { createReadStream } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const FLUSH_BYTES = 1 << 20;

export class Buckets<T> {
  private readonly pending = new Map<number, { parts: string[]; bytes: number }>();
  private readonly started = new Set<number>();

  constructor(private readonly dir: string) {}

  file(bucket: number): string {
    return join(this.dir, `bucket-${bucket}.jsonl`);
  }

  /** Held in memory until `flushFull` or `flushAll`: an await per line cost more than the writes. */
  add(bucket: number, value: T): void {
    const line = `${JSON.stringify(value)}\n`;
    const p = this.pending.get(bucket) ?? this.pending.set(bucket, { parts: [], bytes: 0 }).get(bucket)!;
    p.parts.push(line);
    p.bytes += line.length;
  }

  /** Writes out the buckets holding a megabyte or more (called once per batch, so memory stays bounded). */
  async flushFull(): Promise<void> {
    for (const [bucket, p] of this.pending) if (p.bytes >= FLUSH_BYTES) await this.flush(bucket);
  }

  async flushAll(): Promise<void> {
    for (const bucket of [...this.pending.keys()]) await this.flush(bucket);
  }

  /** The buckets that received anything, in ascending order. */
  keys(): number[] {
    return [...new Set([...this.started, ...this.pending.keys()])].sort((a, b) => a - b);
  }

  async *read(bucket: number): AsyncGenerator<T> {
    if (!this.started.has(bucket)) return;
    const lines = createInterface({ input: createReadStream(this.file(bucket)), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as T;
  }

  private async flush(bucket: number): Promise<void> {
    const p = this.pending.get(bucket);
    if (!p || p.parts.length === 0) return;
    const text = p.parts.join('');
    this.pending.set(bucket, { parts: [], bytes: 0 });
    if (this.started.has(bucket)) await appendFile(this.file(bucket), text);
    else await writeFile(this.file(bucket), text);
    this.started.add(bucket);
  }
}
