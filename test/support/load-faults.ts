/**
 * Kill -9 in the middle of a load, for the resume test and the Neo4j benchmark: the real CLI as a
 * child process, watched through its progress lines, and what the database holds afterwards
 * (counts per label and type, plus anything duplicated).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';

export const BIN = fileURLToPath(new URL('../../bin/papergraph.js', import.meta.url));

export interface RunningLoad {
  child: ChildProcess;
  stderr: () => string;
  stdout: () => string;
  exit: Promise<number | null>;
}

export function spawnLoad(args: string[], env: NodeJS.ProcessEnv): RunningLoad {
  const child = spawn(process.execPath, [BIN, 'load', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let out = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, stderr: () => err, stdout: () => out, exit };
}

/** Resolves once the load's progress shows `phase` at `percent` or more (its plain, non-terminal lines). */
export async function waitForProgress(load: RunningLoad, phase: string, percent: number, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const re = new RegExp(`^${phase}: (\\d+)%`, 'gm');
  while (Date.now() < deadline) {
    for (const m of load.stderr().matchAll(re)) if (Number(m[1]) >= percent) return;
    if (load.child.exitCode !== null) throw new Error(`the load ended (exit ${load.child.exitCode}) before ${phase} reached ${percent}%: ${load.stderr()}${load.stdout()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the load did not reach ${phase} ${percent}% within ${timeoutMs / 1000} s`);
}

export interface DatabaseContents {
  labels: Record<string, number>;
  types: Record<string, number>;
  /** Ids held by more than one node of a label, and (start, type, end) held by more than one relationship. */
  duplicateIds: number;
  duplicateRelationships: number;
}

/**
 * What the database holds. Every query keeps a bounded state inside Neo4j, so that this also counts
 * a million-paper database within its per-transaction memory limit: the duplicate ids are counted
 * here from a stream of them, and the duplicate relationships per start node, in a subquery whose
 * state is dropped after each node.
 */
export async function contents(driver: Driver, database?: string): Promise<DatabaseContents> {
  const q = async (query: string) => (await driver.executeQuery(query, {}, { database, routing: 'READ' })).records;
  const labels = await q('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS c');
  const types = await q('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS c');
  const rels = await q('MATCH (a) CALL (a) { MATCH (a)-[r]->(b) WITH type(r) AS t, b, count(*) AS c WHERE c > 1 RETURN count(*) AS d } RETURN sum(d) AS d');
  return {
    labels: Object.fromEntries(labels.map((r) => [r.get('label'), Number(r.get('c'))])),
    types: Object.fromEntries(types.map((r) => [r.get('type'), Number(r.get('c'))])),
    duplicateIds: await duplicateIds(driver, database),
    duplicateRelationships: Number(rels[0]!.get('d')),
  };
}

/** Ids held by more than one node of a label, counted from a stream: the driver pulls records in batches. */
async function duplicateIds(driver: Driver, database?: string): Promise<number> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const seen = new Set<string>();
    const counted = new Set<string>();
    const result = session.run('MATCH (n) RETURN labels(n)[0] AS l, n.id AS id');
    for await (const record of result) {
      const key = `${record.get('l')}\u0000${record.get('id')}`;
      if (seen.has(key)) counted.add(key);
      else seen.add(key);
    }
    return counted.size;
  } finally {
    await session.close();
  }
}
