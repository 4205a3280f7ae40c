/**
 * The bulk path end to end: `papergraph export --format neo4j-admin`, then the real neo4j-admin of
 * the bundled artifacts imports the files into a scratch server's home, which is started on its own
 * ports and must hold the same graph as the snapshot (and as the Bolt loader writes).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import neo4j, { type Driver } from 'neo4j-driver';
import { main } from '../../src/cli/main.ts';
import { writeAdminImportFiles } from '../../src/store/neo4j/admin-csv.ts';
import { TEST_SERVER } from '../setup/neo4j.ts';
import { importWithNeo4jAdmin } from '../../src/store/neo4j/admin-import.ts';
import { loadSnapshotIntoNeo4j } from '../../src/store/neo4j/load.ts';
import { defaultLocalServer, isInstalled, startLocalServer, stopLocalServer, type LocalServerSpec } from '../../src/store/neo4j/local-server.ts';
import { writeSnapshot } from '../../src/store/snapshot.ts';
import Graph from 'graphology';
import type { PaperGraph } from '../../src/assemble/graph.ts';
import { corpusSnapshot, expectedCounts, linkEdges, linksInSnapshot } from './neo4j-helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'papergraph-admin-'));
const spec: LocalServerSpec = { ...defaultLocalServer({}), home: join(scratch, 'home'), boltPort: TEST_SERVER.boltPort + 100, heap: '512m', pageCache: '64m' };
let driver: Driver | undefined;

afterAll(async () => {
  await driver?.close();
  await stopLocalServer(spec);
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!isInstalled(spec))('neo4j-admin import of the export', () => {
  it('papergraph export writes header and data files per label and type, and the import command', async () => {
    const { snapshot } = await corpusSnapshot();
    await writeSnapshot(join(scratch, 'snap'), Graph.from(snapshot) as PaperGraph);
    let out = '';
    const io = { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: () => true }, env: {}, cwd: scratch } as never;
    expect(await main(['export', join(scratch, 'snap'), '--format', 'neo4j-admin', '--out', 'csv'], io)).toBe(0);
    expect(out).toMatch(/^Wrote \d+ CSV files \(\d+ nodes, \d+ relationships\)/);
    const command = readFileSync(join(scratch, 'csv', 'import-command.txt'), 'utf8');
    expect(command).toContain('neo4j-admin database import full neo4j');
    expect(command).toContain('--nodes=Paper=nodes-Paper.header.csv,nodes-Paper.csv');
    expect(readFileSync(join(scratch, 'csv', 'nodes-Paper.header.csv'), 'utf8')).toMatch(/^id:ID\(Node\),.*abstract:string.*title:string/);
  });

  it('imports with the real neo4j-admin into a scratch server holding the same graph', async () => {
    const { snapshot } = await corpusSnapshot();
    const files = await writeAdminImportFiles(snapshot, join(scratch, 'csv2'));
    const imported = await importWithNeo4jAdmin(spec, files);
    expect(imported.output).toMatch(/IMPORT DONE/);
    const server = await startLocalServer(spec);
    driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', server.password));
    const l = await driver.executeQuery('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS c');
    const t = await driver.executeQuery('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS c');
    const expected = expectedCounts(snapshot);
    expect(Object.fromEntries(l.records.map((r) => [r.get('label'), Number(r.get('c'))]))).toEqual(expected.labels);
    expect(Object.fromEntries(t.records.map((r) => [r.get('type'), Number(r.get('c'))]))).toEqual(expected.types);
    const links = await driver.executeQuery('MATCH (a)-[r]->(b) RETURN a.id + " " + type(r) + " " + toString(b.id) AS link');
    expect(links.records.map((r) => r.get('link')).sort()).toEqual(linksInSnapshot(snapshot));
    // Same property values and types as the Bolt loader writes: integers stay integers, lists stay lists.
    const paper = snapshot.nodes.find((n) => n.attributes!.kind === 'Paper' && (n.attributes as { sources?: string[] }).sources?.length)!;
    const p = await driver.executeQuery('MATCH (p:Paper {id: $id}) RETURN p.title AS title, p.abstract AS abstract, p.sources AS sources, p.cluster AS cluster', { id: paper.key });
    const a = paper.attributes as unknown as { name: string; abstract: string; sources: string[]; cluster: number };
    expect(p.records[0]!.toObject()).toEqual({ title: a.name, abstract: a.abstract, sources: a.sources, cluster: neo4j.int(a.cluster) });
    const c = await driver.executeQuery('MATCH (c:Cluster) RETURN c.id AS id ORDER BY id');
    expect(c.records.map((r) => neo4j.isInt(r.get('id')))).not.toContain(false);
    const ev = linkEdges(snapshot)[0]!;
    const r = await driver.executeQuery('MATCH ({id: $s})-[r]->({id: $t}) RETURN r.evidence AS evidence', { s: ev.source, t: ev.target });
    expect(JSON.parse(r.records[0]!.get('evidence'))).toEqual(ev.attributes!.evidence);
    // The Bolt loader over the imported graph adds the schema and finds nothing else to change.
    const summary = await loadSnapshotIntoNeo4j(snapshot, { driver });
    expect(summary.schema.changes).toBeGreaterThan(0);
    expect(summary.counters).toEqual({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0, labelsAdded: 0 });
  }, 240_000); // two JVM starts (neo4j-admin, then the server) on a two-core machine shared with other suites
});
