/** `papergraph ingest --neo4j`: one command reads the corpus, writes the snapshot and loads Neo4j. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Capture } from '../support/capture.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { main } from '../../src/cli/main.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import { CORPUS, countsInDatabase, expectedCounts, lockDatabase, testDriver, testEnv, wipe } from './neo4j-helpers.ts';


let driver: Driver;
let release: () => void;

beforeAll(async () => {
  driver = testDriver();
  release = await lockDatabase();
  await wipe(driver);
});

afterAll(async () => {
  release?.();
  await driver?.close();
});

describe('papergraph ingest --neo4j', () => {
  it('loads exactly what it wrote to the snapshot', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-ingest-neo4j-'));
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await main(['ingest', CORPUS, '--out', out, '--neo4j', '--quiet'], { stdout, stderr, env: testEnv(), cwd: process.cwd() });
    expect(stderr.text).not.toMatch(/Error|error/);
    expect(code).toBe(0);
    const snapshot = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as Snapshot;
    expect(await countsInDatabase(driver)).toEqual(expectedCounts(snapshot));
  });
});
