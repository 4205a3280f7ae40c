/**
 * After a changed snapshot is merged, the links it no longer has are still in the database. Every
 * snapshot link is there by then, so a node with more outgoing links than the snapshot gives it is
 * exactly a node with stale ones: one cheap degree query per batch finds them, and only their
 * links are read back from the snapshot (a third pass) and compared. A fresh or resumed load finds
 * none and stops after the degree queries.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { SnapshotSource } from '../snapshot-stream.ts';
import type { LoadCounters } from './load-counters.ts';
import type { NodeIndex } from './load-check.ts';
import { deleteOrphansQuery, moreLinksQuery, pruneQuery } from './load-queries.ts';
import { KEEP_SEPARATOR, isLabel, type Label } from '../../model/load-rows.ts';

export async function pruneStaleLinks(
  driver: Driver,
  database: string | undefined,
  source: SnapshotSource,
  index: NodeIndex,
  options: { batchSize: number; onProgress: (done: number, total: number) => void },
): Promise<{ counters: LoadCounters; rows: number; batches: number }> {
  const counters: LoadCounters = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0, labelsAdded: 0 };
  let rows = 0;
  let batches = 0;
  const session = driver.session({ database });
  try {
    const stale = new Map<string, Label>();
    const pending = new Map<Label, { id: string; degree: unknown }[]>();
    let checked = 0;
    const check = async (label: Label) => {
      const batch = pending.get(label) ?? [];
      pending.delete(label);
      if (batch.length === 0) return;
      const result = await session.executeRead((tx) => tx.run(moreLinksQuery(label), { rows: batch }));
      for (const r of result.records) stale.set(r.get('id') as string, label);
      rows += batch.length;
      batches++;
      checked += batch.length;
      options.onProgress(checked, index.size);
    };
    for (const { id, label, degree } of index.entries()) {
      const list = pending.get(label) ?? [];
      list.push({ id, degree: neo4j.int(degree) });
      pending.set(label, list);
      if (list.length >= options.batchSize) await check(label);
    }
    for (const label of [...pending.keys()]) await check(label);
    if (stale.size === 0) return { counters, rows, batches };

    // What each stale node keeps, read back from the snapshot for those nodes only.
    const keep = new Map<string, string[]>([...stale.keys()].map((id) => [id, []]));
    await source.read({
      nodes(batch) {
        for (const n of batch) {
          const c = n.attributes?.cluster;
          if (keep.has(n.key) && typeof c === 'number' && Number.isInteger(c) && c >= 0) keep.get(n.key)!.push(`IN_CLUSTER${KEEP_SEPARATOR}${c}`);
        }
      },
      edges(batch) {
        for (const e of batch) keep.get(e.source)?.push(`${e.attributes!.type}${KEEP_SEPARATOR}${e.target}`);
      },
    });
    const orphanCandidates = new Map<Label, Set<string>>();
    const byLabel = new Map<Label, { id: string; keep: string[] }[]>();
    for (const [id, label] of stale) byLabel.set(label, [...(byLabel.get(label) ?? []), { id, keep: keep.get(id)! }]);
    for (const [label, list] of byLabel) {
      for (let i = 0; i < list.length; i += options.batchSize) {
        const batch = list.slice(i, i + options.batchSize);
        const result = await session.executeWrite((tx) => tx.run(pruneQuery(label), { rows: batch, sep: KEEP_SEPARATOR }));
        counters.relationshipsDeleted += result.summary.counters.updates().relationshipsDeleted;
        rows += batch.length;
        batches++;
        for (const r of result.records) {
          const l = r.get('label') as string;
          if (!isLabel(l) || l === 'Paper') continue;
          const set = orphanCandidates.get(l) ?? new Set();
          set.add(String(r.get('id')));
          orphanCandidates.set(l, set);
        }
      }
    }
    // Entities a changed snapshot no longer names, and that nothing else links to any more.
    for (const [label, ids] of orphanCandidates) {
      const gone = [...ids].filter((id) => !index.has(label, id)).map((id) => ({ id: label === 'Cluster' ? neo4j.int(Number(id)) : id }));
      if (gone.length === 0) continue;
      const result = await session.executeWrite((tx) => tx.run(deleteOrphansQuery(label), { rows: gone }));
      const u = result.summary.counters.updates();
      counters.nodesDeleted += u.nodesDeleted;
      counters.relationshipsDeleted += u.relationshipsDeleted;
    }
  } finally {
    await session.close();
  }
  return { counters, rows, batches };
}
