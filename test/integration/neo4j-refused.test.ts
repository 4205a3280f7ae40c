/**
 * Queries a user could type to get around the read-only check, each against the real bundled Neo4j:
 * every one is refused before it runs, the database counts do not move, no request leaves the
 * machine (LOAD CSV is pointed at a local HTTP server that records every call), and a query whose
 * answer is one huge value is stopped at the deadline.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j, { type Driver } from 'neo4j-driver';
import { classifyNeo4jError } from '../../src/store/neo4j/errors.ts';
import { runReadQuery } from '../../src/store/neo4j/query.ts';
import { countsInDatabase, lockDatabase, testDriver, testNeo4j, type Counts } from './neo4j-helpers.ts';

let driver: Driver;
let release: () => void;
let before: Counts;
let csvServer: Server;
let csvUrl: string;
const calls: string[] = [];

beforeAll(async () => {
  driver = testDriver();
  release = await lockDatabase();
  await driver.executeQuery("MERGE (:Paper {id: 'paper:refused-suite', title: 'Refused Suite'})", {}, { database: testNeo4j().database });
  before = await countsInDatabase(driver);
  csvServer = createServer((req, res) => {
    calls.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((ready) => csvServer.listen(0, '127.0.0.1', ready));
  csvUrl = `http://127.0.0.1:${(csvServer.address() as AddressInfo).port}/rows.csv`;
});

afterAll(async () => {
  // The server finishes sending a huge value after the client gave up; wait, so the next suite is not slowed.
  for (let i = 0; i < 120; i++) {
    const open = await driver.executeQuery("SHOW TRANSACTIONS YIELD metaData WHERE metaData.app = 'papergraph' RETURN count(*) AS n", {}, { database: testNeo4j().database });
    if (Number(open.records[0]!.get('n')) === 0) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  await driver?.executeQuery("MATCH (p:Paper {id: 'paper:refused-suite'}) DELETE p", {}, { database: testNeo4j().database });
  release?.();
  await driver?.close();
  await new Promise((done) => csvServer?.close(done));
});

async function attempt(query: string) {
  try {
    const r = await runReadQuery(driver, query, {}, { database: testNeo4j().database, timeoutMs: 10_000, maxRows: 100 });
    return { ok: true as const, rows: r.rows };
  } catch (err) {
    return { ok: false as const, failure: classifyNeo4jError(err) };
  }
}

describe('queries around the read-only check', () => {
  it('CYPHER options then PROFILE LOAD CSV: refused, and the URL is never fetched', async () => {
    const r = await attempt(`CYPHER runtime=slotted PROFILE LOAD CSV FROM '${csvUrl}' AS r RETURN r`);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.failure.message).toMatch(/^refused: LOAD CSV/);
    expect(calls).toEqual([]);
  });

  it('LOAD CSV in any form is refused and fetches nothing', async () => {
    const forms = [
      `LOAD CSV FROM '${csvUrl}' AS r RETURN r`,
      `load csv with headers from '${csvUrl}' AS r RETURN r`,
      `/* a comment */ // another\n LOAD CSV FROM '${csvUrl}' AS r RETURN r`,
      `PROFILE LOAD CSV FROM '${csvUrl}' AS r RETURN r`,
      `EXPLAIN LOAD CSV FROM '${csvUrl}' AS r RETURN r`,
      `CYPHER 5 LOAD CSV FROM '${csvUrl}' AS r RETURN r`,
      `PROFILE CYPHER runtime=slotted LOAD CSV FROM '${csvUrl}' AS r RETURN r`,
      `CYPHER runtime = slotted PROFILE LOAD CSV FROM '${csvUrl}' AS r RETURN r`,
      `CALL { LOAD CSV FROM '${csvUrl}' AS r RETURN r } RETURN r`,
      `WITH '${csvUrl}' AS u LOAD CSV FROM u AS r RETURN r`,
      "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r",
    ];
    for (const q of forms) {
      const r = await attempt(q);
      expect(r.ok, q).toBe(false);
      if (!r.ok) expect(['write-refused', 'syntax', 'invalid-query'], `${q}: ${r.failure.message}`).toContain(r.failure.kind);
    }
    expect(calls).toEqual([]);
  });

  it('administration commands, settings and transaction control are refused', async () => {
    const system = { database: 'system' };
    const usersBefore = (await driver.executeQuery('SHOW USERS YIELD user RETURN user', {}, system)).records.map((r) => r.get('user'));
    for (const q of ['USE system SHOW USERS', "CREATE USER evil SET PASSWORD 'abcdefghijkl' CHANGE NOT REQUIRED", 'SHOW SETTINGS', 'SHOW TRANSACTIONS']) {
      const r = await attempt(q);
      expect(r.ok, q).toBe(false);
      if (!r.ok) expect(r.failure.kind, `${q}: ${r.failure.message}`).toMatch(/write-refused|syntax|invalid-query/);
    }
    const usersAfter = (await driver.executeQuery('SHOW USERS YIELD user RETURN user', {}, system)).records.map((r) => r.get('user'));
    expect(usersAfter).toEqual(usersBefore);
  });

  it("TERMINATE TRANSACTIONS is refused and another session's transaction lives on", async () => {
    const session = driver.session({ database: testNeo4j().database });
    const tx = await session.beginTransaction({ metadata: { app: 'refused-suite-victim' } });
    await tx.run('RETURN 1');
    try {
      const listed = await driver.executeQuery('SHOW TRANSACTIONS YIELD transactionId, metaData RETURN transactionId, metaData', {}, { database: testNeo4j().database });
      const id = listed.records.find((r) => (r.get('metaData') as { app?: string }).app === 'refused-suite-victim')!.get('transactionId') as string;
      const r = await attempt(`TERMINATE TRANSACTIONS '${id}'`);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.failure.message).toMatch(/^refused: /);
      expect((await tx.run('RETURN 2 AS two')).records[0]!.get('two').toNumber()).toBe(2);
    } finally {
      await tx.rollback();
      await session.close();
    }
  });

  it('a READ-mode procedure outside the allow-list is refused; allowed ones run', async () => {
    await driver.executeQuery("CALL db.stats.stop('QUERIES')", {}, { database: testNeo4j().database });
    const r = await attempt("CALL db.stats.collect('QUERIES')");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure.message).toMatch(/^refused: .*db\.stats\.collect/);
    const status = await driver.executeQuery('CALL db.stats.status() YIELD section, status RETURN section, status', {}, { database: testNeo4j().database });
    expect(status.records.filter((x) => x.get('section') === 'QUERIES').map((x) => x.get('status'))).not.toContain('collecting');
    const labels = await attempt('CALL db.labels() YIELD label RETURN label ORDER BY label');
    expect(labels.ok && labels.rows.map((x) => x.label)).toContain('Paper');
  });

  it('RETURN range(1, 100000000) is stopped within the deadline, and the server stays up', async () => {
    const t0 = performance.now();
    const r = await attempt('RETURN range(1, 100000000) AS r');
    const ms = performance.now() - t0;
    expect(r.ok).toBe(false);
    console.log(`RETURN range(1, 100000000): ${r.ok ? 'answered' : r.failure.kind} after ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(30_000);
    expect((await driver.executeQuery('RETURN 1 AS one', {}, { database: testNeo4j().database })).records[0]!.get('one')).toEqual(neo4j.int(1));
  });

  it('the database counts did not change', async () => {
    expect(await countsInDatabase(driver)).toEqual(before);
  });
});
