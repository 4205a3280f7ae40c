/**
 * The bulk path: a snapshot as CSV files with separate header files for
 * `neo4j-admin database import full`, holding exactly the properties the Bolt loader writes, so
 * either path gives the same graph. One node file per label, one relationship file per type.
 * Papers and entities share one ID space (their keys are unique across kinds); clusters have
 * their own, and keep their number as an integer `id` property, as the Bolt loader does.
 *
 * The snapshot streams past twice: the loader's check pass also learns each column's type (the
 * header files), then the rows stream into their files batch by batch.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { snapshotInMemory, type SnapshotSource } from '../snapshot-stream.ts';
import { checkSnapshot } from './load-check.ts';
import { CLUSTER_INTEGER_PROPERTIES, INTEGER_PROPERTIES, edgeRowOf, nodeRowOf, type Label, type NodeRow, type PropValue, type Props, type RelType } from '../../model/load-rows.ts';
import type { Snapshot } from '../../model/snapshot.ts';

/** Between the items of a list property; a control character that no text field contains. */
export const ARRAY_DELIMITER = '\u001f';

export interface AdminImportFiles {
  dir: string;
  nodes: { label: Label; header: string; data: string; rows: number }[];
  relationships: { type: RelType; header: string; data: string; rows: number }[];
  /** neo4j-admin's arguments after `neo4j-admin`, with file paths relative to `dir`. */
  args: string[];
}

type CsvType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'double[]';

function typeOf(key: string, v: PropValue, ints: ReadonlySet<string>): CsvType {
  if (Array.isArray(v)) return typeof v[0] === 'number' ? 'double[]' : 'string[]';
  if (typeof v === 'number') return ints.has(key) && Number.isInteger(v) ? 'long' : 'double';
  if (typeof v === 'boolean') return 'boolean';
  return 'string';
}

/** The columns of one file, learnt row by row: neo4j-admin needs one type per column. */
class Columns {
  private readonly types = new Map<string, CsvType>();
  constructor(
    private readonly ints: ReadonlySet<string>,
    private readonly skip: ReadonlySet<string>,
    private readonly where: string,
  ) {}

  add(props: Props): void {
    for (const [k, v] of Object.entries(props)) {
      if (this.skip.has(k)) continue;
      const t = typeOf(k, v, this.ints);
      const known = this.types.get(k);
      // An integer-valued float in one row and a fraction in another is still one double column.
      if (known && known !== t && !(known === 'double' && t === 'long')) {
        if (known === 'long' && t === 'double') this.types.set(k, 'double');
        else throw new Error(`${this.where}: property "${k}" is ${known} in one row and ${t} in another; neo4j-admin needs one type per column`);
      } else if (!known) this.types.set(k, t);
    }
  }

  sorted(): [string, CsvType][] {
    return [...this.types].sort(([a], [b]) => a.localeCompare(b));
  }
}

function cell(v: PropValue | undefined, type: CsvType): string {
  if (v === undefined) return ''; // unquoted empty: no property, as with Bolt
  if (Array.isArray(v)) return quote(v.map(String).join(ARRAY_DELIMITER));
  if (type === 'string') return quote(String(v));
  return String(v);
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

const line = (cells: string[]) => `${cells.join(',')}\n`;

/** One data file being written, with its columns fixed by the check pass. */
interface CsvFile {
  cols: [string, CsvType][];
  out: WriteStream;
  rows: number;
  name: string;
}

export async function writeAdminImportFiles(snapshot: Snapshot | SnapshotSource, dir: string, options: { batchSize?: number } = {}): Promise<AdminImportFiles> {
  const source = 'read' in snapshot ? snapshot : snapshotInMemory(snapshot);
  const batchSize = options.batchSize ?? 5_000;
  const nodeColumns = new Map<Label, Columns>();
  const relColumns = new Map<RelType, Columns>();
  const nodeCols = (label: Label) => {
    const isCluster = label === 'Cluster';
    if (!nodeColumns.has(label)) nodeColumns.set(label, new Columns(isCluster ? CLUSTER_INTEGER_PROPERTIES : INTEGER_PROPERTIES, new Set(isCluster ? [] : ['id']), `${label} nodes`));
    return nodeColumns.get(label)!;
  };
  const relCols = (type: RelType) => {
    if (!relColumns.has(type)) relColumns.set(type, new Columns(INTEGER_PROPERTIES, new Set(), `${type} relationships`));
    return relColumns.get(type)!;
  };
  const index = await checkSnapshot(source, batchSize, () => {}, {
    node: (label, row) => nodeCols(label).add(row.props),
    edge: (type, row) => relCols(type).add(row.props),
  });
  for (const row of index.clusters.values()) nodeCols('Cluster').add(row.props);
  if (index.expected().types.IN_CLUSTER) relCols('IN_CLUSTER');

  await mkdir(dir, { recursive: true });
  const out: AdminImportFiles = { dir, nodes: [], relationships: [], args: [] };
  const files = new Map<string, CsvFile>();
  const open = async (name: string, header: string, cols: [string, CsvType][]) => {
    await writeFile(join(dir, `${name}.header.csv`), header);
    files.set(name, { cols, out: createWriteStream(join(dir, `${name}.csv`), { highWaterMark: 1 << 20 }), rows: 0, name });
  };
  // Labels and types in the order the snapshot first uses them, as the files were always listed.
  for (const label of [...nodeColumns.keys()].sort((a, b) => Number(a === 'Cluster') - Number(b === 'Cluster'))) {
    const cols = nodeColumns.get(label)!.sorted();
    await open(`nodes-${label}`, line([label === 'Cluster' ? ':ID(Cluster)' : 'id:ID(Node)', ...cols.map(([k, t]) => `${k}:${t}`)]), cols);
  }
  for (const [type, columns] of relColumns) {
    const cols = columns.sorted();
    await open(`relationships-${type}`, line([':START_ID(Node)', `:END_ID(${type === 'IN_CLUSTER' ? 'Cluster' : 'Node'})`, ...cols.map(([k, t]) => `${k}:${t}`)]), cols);
  }
  const text = new Map<string, string[]>();
  const add = (name: string, cells: (cols: [string, CsvType][]) => string[]) => {
    const f = files.get(name)!;
    f.rows++;
    const list = text.get(name) ?? [];
    list.push(line(cells(f.cols)));
    text.set(name, list);
  };
  const flush = async () => {
    for (const [name, lines] of text) if (!files.get(name)!.out.write(lines.join(''))) await once(files.get(name)!.out, 'drain');
    text.clear();
  };
  const nodeLine = (r: NodeRow) => (cols: [string, CsvType][]) => [quote(String(r.id)), ...cols.map(([k, t]) => cell(r.props[k], t))];
  try {
    for (const row of [...index.clusters.values()].sort((a, b) => Number(a.id) - Number(b.id))) add('nodes-Cluster', nodeLine(row));
    let nodeNo = 0;
    await source.read(
      {
        async nodes(batch) {
          for (const node of batch) {
            const { label, row, cluster } = nodeRowOf(node, nodeNo++);
            add(`nodes-${label}`, nodeLine(row));
            if (cluster !== undefined) add('relationships-IN_CLUSTER', () => [quote(node.key), quote(String(cluster))]);
          }
          await flush();
        },
        async edges(batch) {
          batch.forEach((edge, i) => {
            const { type, row } = edgeRowOf(edge, i, (k) => index.labelOf(k));
            add(`relationships-${type}`, (cols) => [quote(row.source), quote(String(row.target)), ...cols.map(([k, t]) => cell(row.props[k], t))]);
          });
          await flush();
        },
      },
      { batchSize },
    );
    await flush();
  } finally {
    await Promise.all([...files.values()].map(async (f) => { f.out.end(); await once(f.out, 'close'); }));
  }
  for (const f of files.values()) {
    const entry = { header: `${f.name}.header.csv`, data: `${f.name}.csv`, rows: f.rows };
    if (f.name.startsWith('nodes-')) out.nodes.push({ label: f.name.slice(6) as Label, ...entry });
    else out.relationships.push({ type: f.name.slice(14) as RelType, ...entry });
  }
  out.args = adminImportArgs(out, (f) => f);
  await writeFile(join(dir, 'import-command.txt'), `cd ${shellWord(dir)}\nneo4j-admin ${out.args.map(shellWord).join(' ')}\n`);
  return out;
}

/** `database import full` arguments for these files; `path` maps a file name to where neo4j-admin finds it. */
export function adminImportArgs(files: AdminImportFiles, path: (file: string) => string, database = 'neo4j'): string[] {
  return [
    'database',
    'import',
    'full',
    database,
    '--overwrite-destination=true',
    '--multiline-fields=true',
    `--array-delimiter=${ARRAY_DELIMITER}`,
    ...files.nodes.map((n) => `--nodes=${n.label}=${path(n.header)},${path(n.data)}`),
    ...files.relationships.map((r) => `--relationships=${r.type}=${path(r.header)},${path(r.data)}`),
  ];
}

function shellWord(s: string): string {
  if (s.includes(ARRAY_DELIMITER)) return `$'${s.replace(ARRAY_DELIMITER, '\\x1f')}'`;
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
