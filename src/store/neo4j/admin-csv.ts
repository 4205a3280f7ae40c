/**
 * The bulk path: a snapshot as CSV files with separate header files for
 * `neo4j-admin database import full`, holding exactly the properties the Bolt loader writes, so
 * either path gives the same graph. One node file per label, one relationship file per type.
 * Papers and entities share one ID space (their keys are unique across kinds); clusters have
 * their own, and keep their number as an integer `id` property, as the Bolt loader does.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLUSTER_INTEGER_PROPERTIES, INTEGER_PROPERTIES, planLoad, type Label, type NodeRow, type PropValue, type RelType } from './rows.ts';
import type { Snapshot } from './snapshot.ts';

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

function columnsOf(rows: { props: Record<string, PropValue> }[], ints: ReadonlySet<string>, skip: ReadonlySet<string>, where: string): [string, CsvType][] {
  const types = new Map<string, CsvType>();
  for (const row of rows) {
    for (const [k, v] of Object.entries(row.props)) {
      if (skip.has(k)) continue;
      const t = typeOf(k, v, ints);
      const known = types.get(k);
      // An integer-valued float in one row and a fraction in another is still one double column.
      if (known && known !== t && !(known === 'double' && t === 'long')) {
        if (known === 'long' && t === 'double') types.set(k, 'double');
        else throw new Error(`${where}: property "${k}" is ${known} in one row and ${t} in another; neo4j-admin needs one type per column`);
      } else if (!known) types.set(k, t);
    }
  }
  return [...types].sort(([a], [b]) => a.localeCompare(b));
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

export async function writeAdminImportFiles(snapshot: Snapshot, dir: string): Promise<AdminImportFiles> {
  const plan = planLoad(snapshot);
  await mkdir(dir, { recursive: true });
  const out: AdminImportFiles = { dir, nodes: [], relationships: [], args: [] };

  for (const [label, rows] of plan.nodes) {
    const isCluster = label === 'Cluster';
    const ints = isCluster ? CLUSTER_INTEGER_PROPERTIES : INTEGER_PROPERTIES;
    const cols = columnsOf(rows, ints, new Set(isCluster ? [] : ['id']), `${label} nodes`);
    const idColumn = isCluster ? ':ID(Cluster)' : 'id:ID(Node)';
    const header = line([idColumn, ...cols.map(([k, t]) => `${k}:${t}`)]);
    const data = rows.map((r: NodeRow) => line([quote(String(r.id)), ...cols.map(([k, t]) => cell(r.props[k], t))])).join('');
    const base = `nodes-${label}`;
    await writeFile(join(dir, `${base}.header.csv`), header);
    await writeFile(join(dir, `${base}.csv`), data);
    out.nodes.push({ label, header: `${base}.header.csv`, data: `${base}.csv`, rows: rows.length });
  }

  const byType = new Map<RelType, { source: string; target: string | number; props: Record<string, PropValue> }[]>();
  for (const g of plan.edges) byType.set(g.type, [...(byType.get(g.type) ?? []), ...g.rows]);
  for (const [type, rows] of byType) {
    const cols = columnsOf(rows, INTEGER_PROPERTIES, new Set(), `${type} relationships`);
    const endSpace = type === 'IN_CLUSTER' ? 'Cluster' : 'Node';
    const header = line([':START_ID(Node)', `:END_ID(${endSpace})`, ...cols.map(([k, t]) => `${k}:${t}`)]);
    const data = rows.map((r) => line([quote(r.source), quote(String(r.target)), ...cols.map(([k, t]) => cell(r.props[k], t))])).join('');
    const base = `relationships-${type}`;
    await writeFile(join(dir, `${base}.header.csv`), header);
    await writeFile(join(dir, `${base}.csv`), data);
    out.relationships.push({ type, header: `${base}.header.csv`, data: `${base}.csv`, rows: rows.length });
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
