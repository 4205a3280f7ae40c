/**
 * Reading a snapshot larger than 1 GB (BENCH_SNAPSHOT_MB, default 1,100), which no command could
 * read before: the file is written from a small pattern (test/support/big-snapshot.ts) into a temp
 * folder and deleted afterwards. Figures: the streaming reader's MB/s against the raw read of the
 * same file in the same run (the baseline: bytes only, no parsing), and `papergraph stats` and
 * `papergraph export --format neo4j-admin` run as child processes with Node's heap capped, with
 * their peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSnapshotFile } from '../../src/store/snapshot-stream.ts';
import { writeBigSnapshot } from '../../test/support/big-snapshot.ts';
import { BIN } from '../../test/support/load-faults.ts';

const mb = (bytes: number) => bytes / 2 ** 20;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-bench-snapshot-'));
  try {
    const file = join(dir, 'graph.json');
    const wrote = await writeBigSnapshot(file, Number(process.env.BENCH_SNAPSHOT_MB ?? 1_100) * 2 ** 20);
    console.log(`snapshot: ${mb(wrote.bytes).toFixed(0)} MB, ${wrote.papers.toLocaleString('en-US')} papers, ${wrote.edges.toLocaleString('en-US')} edges`);

    let t = performance.now();
    let bytes = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) bytes += (chunk as Buffer).length;
    const rawS = (performance.now() - t) / 1000;
    console.log(`raw read (baseline):  ${rawS.toFixed(1)} s, ${(mb(bytes) / rawS).toFixed(0)} MB/s`);

    t = performance.now();
    let nodes = 0;
    let edges = 0;
    let peakHeap = 0;
    await (await openSnapshotFile(file)).read({
      nodes: (b) => void ((nodes += b.length), (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed))),
      edges: (b) => void ((edges += b.length), (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed))),
    });
    const streamS = (performance.now() - t) / 1000;
    if (nodes !== wrote.papers + wrote.datasets || edges !== wrote.edges) throw new Error(`read ${nodes} nodes and ${edges} edges, wrote ${wrote.papers + wrote.datasets} and ${wrote.edges}`);
    console.log(`streaming reader:     ${streamS.toFixed(1)} s, ${(mb(wrote.bytes) / streamS).toFixed(0)} MB/s (${(streamS / rawS).toFixed(1)}x the raw read), every node and edge parsed; peak heap ${mb(peakHeap).toFixed(0)} MB`);

    for (const [name, args, heap] of [
      ['stats', ['stats', file], 128],
      ['export', ['export', file, '--format', 'neo4j-admin', '--out', join(dir, 'csv')], 256],
    ] as const) {
      t = performance.now();
      const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, `--max-old-space-size=${heap}`, BIN, ...args], { encoding: 'utf8' });
      const s = (performance.now() - t) / 1000;
      const rssKb = Number(r.stderr.trim().split('\n').at(-1));
      if (r.status !== 0) throw new Error(`papergraph ${name} failed: ${r.stderr}`);
      console.log(`papergraph ${name.padEnd(7)} ${s.toFixed(1)} s with the heap capped at ${heap} MB; peak RSS ${(rssKb / 1024).toFixed(0)} MB (${((rssKb * 1024) / wrote.bytes * 100).toFixed(0)}% of the file)`);
      rmSync(join(dir, 'csv'), { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
