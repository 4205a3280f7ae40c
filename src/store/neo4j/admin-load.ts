/**
 * `papergraph load` into the bundled server when its database is empty: CSV files, then
 * neo4j-admin import (offline, the fastest path Neo4j has), then a start and the schema. A marker in
 * the server's home records an import under way: if papergraph or Neo4j dies in between, the next
 * load sees it and imports again from scratch (the import overwrites), instead of trusting a
 * half-written store.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SnapshotSource } from '../snapshot-stream.ts';
import { writeAdminImportFiles } from './admin-csv.ts';
import { importWithNeo4jAdmin } from './admin-import.ts';
import { openDriver } from './driver.ts';
import { alive, localServerInfo, startLocalServer, stopLocalServer, type LocalServerSpec } from './local-server.ts';
import { applySchema } from './schema.ts';

export interface AdminLoadSummary {
  nodes: number;
  relationships: number;
  exportMs: number;
  importMs: number;
  /** Stopping the server before, starting it after, and the schema with its index population. */
  serverMs: number;
  ms: number;
  schema: { statements: number; changes: number };
}

export const importMarker = (spec: LocalServerSpec) => join(spec.home, 'papergraph-import.json');
const csvDir = (spec: LocalServerSpec) => join(spec.home, 'import-csv');

/** True when an earlier admin load of this home did not finish. */
export function importInterrupted(spec: LocalServerSpec): boolean {
  return existsSync(importMarker(spec));
}

export async function loadWithNeo4jAdmin(spec: LocalServerSpec, source: SnapshotSource, onPhase: (phase: 'export' | 'import' | 'start' | 'schema') => void = () => {}): Promise<AdminLoadSummary> {
  const t0 = performance.now();
  await writeFile(importMarker(spec), `${JSON.stringify({ snapshot: source.name, pid: process.pid, started: new Date().toISOString() })}\n`);
  onPhase('export');
  await stopStrayImports(csvDir(spec));
  await rm(csvDir(spec), { recursive: true, force: true });
  const files = await writeAdminImportFiles(source, csvDir(spec));
  const exportMs = performance.now() - t0;
  let t = performance.now();
  await stopLocalServer(spec);
  let serverMs = performance.now() - t;
  onPhase('import');
  const imported = await importWithNeo4jAdmin(spec, files);
  onPhase('start');
  t = performance.now();
  const server = await startLocalServer(spec);
  const driver = openDriver({ uri: server.uri, user: 'neo4j', password: server.password, passwordSource: localServerInfo(spec).passwordFile });
  let schema;
  try {
    onPhase('schema');
    schema = await applySchema(driver);
  } finally {
    await driver.close();
  }
  serverMs += performance.now() - t;
  await rm(csvDir(spec), { recursive: true, force: true });
  await rm(importMarker(spec), { force: true });
  const count = (list: { rows: number }[]) => list.reduce((n, f) => n + f.rows, 0);
  return { nodes: count(files.nodes), relationships: count(files.relationships), exportMs, importMs: imported.ms, serverMs, ms: performance.now() - t0, schema };
}

/** A neo4j-admin import left running by a papergraph that was killed: it would hold the store while we import again. */
async function stopStrayImports(dir: string): Promise<void> {
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return; // not Linux: nothing to find this way
  }
  for (const d of entries) {
    const pid = Number(d);
    let args: string[];
    try {
      args = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (pid === process.pid || !args.includes('org.neo4j.cli.AdminTool') || !args.some((a) => a.includes(dir))) continue;
    process.kill(pid, 'SIGKILL');
    while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
  }
}
