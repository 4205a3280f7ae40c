/**
 * The map stage: reads a written snapshot as a stream and writes `<dir>/map/` beside it:
 *
 *   top.json        the fields (top-level clusters) with the links between them
 *   c/<id>.json     one file per cluster: its children, or (a leaf) its papers and entities
 *   clusters.json   every cluster of every level (for Neo4j and tools)
 *   search.tsv      kind, id, leaf cluster, year, name of every paper and entity (GET /api/map/search)
 *   adoption.json   per dataset and benchmark: papers per year evaluated on it, and its first paper
 *   membership.tsv  paper id and its leaf cluster (the membership at each level, for Neo4j)
 *
 * Memory is bounded by the largest field, not the snapshot: nodes are bucketed by field into
 * temporary files first (scan.ts). The folder is written aside and renamed into place, so a
 * failed run leaves the previous map as it was.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { placeFields, type HierarchyOptions } from '../../analyze/hierarchy.ts';
import { MAP_VERSION, clusterFileName, type Adoption, type MapCluster, type MapTop } from '../../model/map.ts';
import { openSnapshotFile } from '../snapshot-stream.ts';
import { fieldMap } from './field-map.ts';
import { scanSnapshot, type Scan } from './scan.ts';

export interface MapSummary {
  dir: string;
  fields: number;
  clusters: number;
  leaves: number;
  /** The deepest level of any cluster (1 = fields only). */
  levels: number;
  /** Leaves left with more than `leafPapers` papers (no split of them was found). */
  oversized: string[];
  papers: number;
  durationMs: number;
}

export interface WriteMapOptions extends HierarchyOptions {
  onProgress?(phase: 'scan' | 'clusters', done: number, total: number): void;
}

export async function writeMap(snapshotDir: string, options: WriteMapOptions = {}): Promise<MapSummary> {
  const started = performance.now();
  const source = await openSnapshotFile(snapshotDir);
  const dir = join(snapshotDir, 'map');
  const staging = join(snapshotDir, `.map-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, 'c'), { recursive: true });
  await mkdir(join(staging, '.buckets'));
  try {
    const scan = await scanSnapshot(source, join(staging, '.buckets'), (at) => options.onProgress?.('scan', at, source.size));
    const { all, oversized } = await writeClusters(scan, staging, options);
    await rm(join(staging, '.buckets'), { recursive: true, force: true });
    const fields = all.filter((c) => c.level === 1);
    await writeFile(join(staging, 'top.json'), JSON.stringify(topOf(scan, fields)));
    await writeFile(join(staging, 'clusters.json'), JSON.stringify(all));
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
    return { dir, fields: fields.length, clusters: all.length, leaves: all.filter((c) => c.leaf).length, levels: all.reduce((m, c) => Math.max(m, c.level), 0), oversized, papers: scan.papers, durationMs: Math.round(performance.now() - started) };
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}

async function writeClusters(scan: Scan, staging: string, options: WriteMapOptions): Promise<{ all: MapCluster[]; oversized: string[] }> {
  const search = createWriteStream(join(staging, 'search.tsv'));
  const membership = createWriteStream(join(staging, 'membership.tsv'));
  const infos = new Map(scan.clusters.map((c) => [c.id, c]));
  // A paper can be the first for several datasets at once.
  const firstPapers = new Map<string, string[]>();
  for (const [entity, a] of scan.adoption) if (a.first) (firstPapers.get(a.first.id) ?? firstPapers.set(a.first.id, []).get(a.first.id)!).push(entity);
  const adoption: Record<string, Adoption> = {};
  const all: MapCluster[] = [];
  const oversized: string[] = [];
  const fields = scan.buckets.keys();
  const pooled = scan.clusters.find((c) => c.pooled)?.id;
  const discs = placeFields([...scan.fields].map(([id, f]) => ({ id, x: f.x / f.n, y: f.y / f.n, papers: f.papers })), options.seed, pooled);
  for (const [i, field] of fields.entries()) {
    options.onProgress?.('clusters', i, fields.length);
    const map = await fieldMap(scan, field, discs.get(field)!, infos.get(field), options);
    all.push(...map.clusters);
    oversized.push(...map.oversized);
    for (const file of map.files) {
      await writeFile(join(staging, clusterFileName(file.cluster.id)), JSON.stringify(file));
      if (!file.cluster.leaf) continue;
      for (const n of file.nodes) {
        const a = n.attributes!;
        if (a.leaf !== file.cluster.id) continue;
        const year = 'year' in a && typeof a.year === 'number' ? a.year : '';
        await line(search, `${a.kind}\t${n.key}\t${a.leaf}\t${year}\t${clean(a.name)}\n`);
        if (a.kind === 'Paper') await line(membership, `${n.key}\t${a.leaf}\n`);
        if (a.kind === 'Paper') for (const entity of firstPapers.get(n.key) ?? []) adoption[entity] = adoptionOf(scan, entity, { id: n.key, name: a.name, year: Number(year), leaf: a.leaf });
      }
    }
  }
  options.onProgress?.('clusters', fields.length, fields.length);
  for (const [entity] of scan.adoption) adoption[entity] ??= adoptionOf(scan, entity, null);
  await Promise.all([close(search), close(membership)]);
  await writeFile(join(staging, 'adoption.json'), JSON.stringify(adoption));
  return { all, oversized };
}

function adoptionOf(scan: Scan, entity: string, first: Adoption['first']): Adoption {
  const a = scan.adoption.get(entity)!;
  const e = scan.entities.get(entity)!;
  return { name: e.name, kind: e.kind, total: a.total, years: [...a.years].sort((x, y) => x[0] - y[0]), first };
}

function topOf(scan: Scan, fields: MapCluster[]): MapTop {
  const xs = fields.flatMap((c) => [c.x - c.r, c.x + c.r]);
  const ys = fields.flatMap((c) => [c.y - c.r, c.y + c.r]);
  const years = fields.flatMap((c) => c.years.map(([y]) => y));
  return {
    version: MAP_VERSION,
    papers: scan.papers,
    bbox: { x: [Math.min(...xs), Math.max(...xs)], y: [Math.min(...ys), Math.max(...ys)] },
    years: years.length ? [Math.min(...years), Math.max(...years)] : null,
    clusters: fields,
    links: scan.topLinks.links(3),
  };
}

const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

function line(stream: WriteStream, text: string): Promise<void> | void {
  if (!stream.write(text)) return new Promise((resolve) => stream.once('drain', () => resolve()));
}

function close(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
}
