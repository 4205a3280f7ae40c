/**
 * The engine's compile-time checks (src/cypher/check*.ts): mistakes Neo4j's semantic analysis
 * rejects are rejected before any row is read, and the queries people write are still accepted.
 */
import { describe, expect, it } from 'vitest';
import { buildQuery } from '../../src/cypher/build-query.ts';
import { CypherError } from '../../src/cypher/errors.ts';
import { readExampleQueries } from '../../src/store/neo4j/cypher-files.ts';

const compileError = (q: string): string => {
  try {
    buildQuery(q);
  } catch (err) {
    if (err instanceof CypherError) return err.message.split(':')[0]!;
    throw err;
  }
  return 'accepted';
};

// [query, the error code it gets at compile time, or 'accepted']
const CASES: Record<string, [string, string][]> = {
  'rejects operands whose type is known to be wrong': [
    ['RETURN 123 AND true', 'InvalidArgumentType'],
    ['RETURN NOT {a: 1}', 'InvalidArgumentType'],
    ['RETURN null OR [1]', 'InvalidArgumentType'],
    ["RETURN 1 IN 'abc'", 'InvalidArgumentType'],
    ['MATCH (n) RETURN length(n)', 'InvalidArgumentType'],
    ['MATCH p = (a)-->(b) RETURN size(p)', 'InvalidArgumentType'],
    ['MATCH p = (a)-->(b) WHERE p.name = 1 RETURN p', 'InvalidArgumentType'],
    ['MATCH (n) RETURN n.flag AND true, NOT n.other, 1 IN n.list', 'accepted'],
    ['RETURN null AND true, NOT null', 'accepted'],
  ],
  'rejects aggregates where they cannot be computed': [
    ['MATCH (a) WHERE count(a) > 10 RETURN a', 'InvalidAggregation'],
    ['MATCH (n) WITH n.x AS x ORDER BY max(n.y) RETURN x', 'InvalidAggregation'],
    ['RETURN [x IN [1, 2] | count(*)]', 'InvalidAggregation'],
    ['MATCH (n) RETURN count(count(*))', 'NestedAggregation'],
    ['MATCH (me)--(you) RETURN me.age + count(you.age)', 'AmbiguousAggregationExpression'],
    ['MATCH (a) WITH a.k AS k, min(a.x) AS m ORDER BY sum(a.x) RETURN k', 'UndefinedVariable'],
    ['MATCH (a) RETURN DISTINCT a.name AS name ORDER BY a.age', 'UndefinedVariable'],
    ['MATCH (me)--(you) RETURN me.age AS age, me.age + count(you.age) AS n ORDER BY age + count(you.age)', 'accepted'],
    ['MATCH (n) RETURN [x IN collect(n) | x.name] AS names, count(*) AS c ORDER BY c', 'accepted'],
  ],
  'rejects SKIP and LIMIT that are not constant non-negative integers, unknown functions and bare patterns as values': [
    ['MATCH (n) RETURN n SKIP n.x', 'NonConstantExpression'],
    ['MATCH (n) RETURN n LIMIT -1', 'NegativeIntegerArgument'],
    ['MATCH (n) RETURN n LIMIT 1.5', 'InvalidArgumentType'],
    ['MATCH (n) RETURN n SKIP $s LIMIT $l', 'accepted'],
    ['RETURN nosuchfunction(1)', 'UnknownFunction'],
    ['MATCH (n) RETURN (n)-->()', 'UnexpectedSyntax'],
    ['MATCH (n) WHERE (n) RETURN n', 'InvalidArgumentType'],
    ['MATCH (n) WHERE (n)-->() AND NOT (n)<--() RETURN n', 'accepted'],
    ['RETURN *', 'NoVariablesInScope'],
  ],
};

describe('compile-time checks', () => {
  for (const [title, cases] of Object.entries(CASES)) {
    it(title, () => {
      for (const [query, code] of cases) expect(compileError(query), query).toBe(code);
    });
  }

  it('accepts every gallery query', () => {
    for (const q of readExampleQueries()) expect(compileError(q.text), q.name).toBe('accepted');
  });
});
