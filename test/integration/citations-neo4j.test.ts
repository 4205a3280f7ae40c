/**
 * CITES in the real Neo4j: `ingest --fetch openalex --library ... --neo4j` against the replay server
 * loads exactly the citation edges the fixture pages imply, the outside counts and the owned marks,
 * and the citations-of-paper example query answers cites and cited-by.
 */
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExampleQueries } from '../../src/store/neo4j/cypher-files.ts';
import { runReadQuery } from '../../src/store/neo4j/query.ts';
import { OPENALEX_CITES, OPENALEX_OUTSIDE, ingestFetched } from '../support/citation-corpus.ts';
import { FIXTURES } from '../support/replay-server.ts';
import { lockDatabase, testDriver, testEnv, testNeo4j, wipe } from './neo4j-helpers.ts';

let driver: Driver;
let release: () => void;
const db = () => ({ database: testNeo4j().database });

beforeAll(async () => {
  driver = testDriver();
  release = await lockDatabase();
  await wipe(driver);
  const r = await ingestFetched('openalex', ['--library', join(FIXTURES, 'library.bib'), '--neo4j'], testEnv());
  if (r.code !== 0) throw new Error(`ingest failed (${r.code}): ${r.stderr}`);
});

afterAll(async () => {
  release?.();
  await driver?.close();
});

describe('CITES in Neo4j', () => {
  it('holds exactly the expected citation edges', async () => {
    const r = await driver.executeQuery('MATCH (a:Paper)-[:CITES]->(b:Paper) RETURN a.title AS a, b.title AS b', {}, db());
    expect(r.records.map((x) => [x.get('a'), x.get('b')]).sort()).toEqual([...OPENALEX_CITES].sort());
  });

  it('keeps the count of references outside the corpus and the owned mark', async () => {
    const r = await driver.executeQuery('MATCH (p:Paper) RETURN p.title AS t, p.referencesOutside AS o, coalesce(p.owned, false) AS owned', {}, db());
    expect(Object.fromEntries(r.records.map((x) => [x.get('t'), x.get('o').toNumber()]))).toEqual(OPENALEX_OUTSIDE);
    expect(r.records.filter((x) => x.get('owned')).map((x) => x.get('t')).sort()).toEqual([
      'Dense Passage Retrieval for Open-Domain Question Answering',
      'Latent Retrieval for Weakly Supervised Open Domain Question Answering',
      'Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks',
    ]);
  });

  it('answers cites and cited-by with the citations-of-paper example query', async () => {
    const q = readExampleQueries().find((x) => x.name === 'citations-of-paper')!;
    const r = await runReadQuery(driver, q.text, { paper: 'Dense Passage Retrieval for Open-Domain Question Answering' }, { ...db(), timeoutMs: 20_000, maxRows: 100 });
    expect(r.rows).toHaveLength(1);
    const row = r.rows[0]!;
    expect((row.cites as string[]).sort()).toEqual(['Reading Wikipedia to Answer Open-Domain Questions', 'SQuAD: 100,000+ Questions for Machine Comprehension of Text']);
    expect((row.citedBy as string[]).sort()).toEqual(['Latent Retrieval for Weakly Supervised Open Domain Question Answering', 'Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks']);
    expect(Number(row.referencesOutside)).toBe(1);
  });
});
