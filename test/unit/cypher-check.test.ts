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

describe('compile-time checks', () => {
  it('rejects operands whose type is known to be wrong', () => {
    expect(compileError('RETURN 123 AND true')).toBe('InvalidArgumentType');
    expect(compileError('RETURN NOT {a: 1}')).toBe('InvalidArgumentType');
    expect(compileError('RETURN null OR [1]')).toBe('InvalidArgumentType');
    expect(compileError("RETURN 1 IN 'abc'")).toBe('InvalidArgumentType');
    expect(compileError('MATCH (n) RETURN length(n)')).toBe('InvalidArgumentType');
    expect(compileError('MATCH p = (a)-->(b) RETURN size(p)')).toBe('InvalidArgumentType');
    expect(compileError('MATCH p = (a)-->(b) WHERE p.name = 1 RETURN p')).toBe('InvalidArgumentType');
    // Only a row can tell these: they are left to evaluation.
    expect(compileError('MATCH (n) RETURN n.flag AND true, NOT n.other, 1 IN n.list')).toBe('accepted');
    expect(compileError('RETURN null AND true, NOT null')).toBe('accepted');
  });

  it('rejects aggregates where they cannot be computed', () => {
    expect(compileError('MATCH (a) WHERE count(a) > 10 RETURN a')).toBe('InvalidAggregation');
    expect(compileError('MATCH (n) WITH n.x AS x ORDER BY max(n.y) RETURN x')).toBe('InvalidAggregation');
    expect(compileError('RETURN [x IN [1, 2] | count(*)]')).toBe('InvalidAggregation');
    expect(compileError('MATCH (n) RETURN count(count(*))')).toBe('NestedAggregation');
    expect(compileError('MATCH (me)--(you) RETURN me.age + count(you.age)')).toBe('AmbiguousAggregationExpression');
    expect(compileError('MATCH (a) WITH a.k AS k, min(a.x) AS m ORDER BY sum(a.x) RETURN k')).toBe('UndefinedVariable');
    expect(compileError('MATCH (a) RETURN DISTINCT a.name AS name ORDER BY a.age')).toBe('UndefinedVariable');
    expect(compileError('MATCH (me)--(you) RETURN me.age AS age, me.age + count(you.age) AS n ORDER BY age + count(you.age)')).toBe('accepted');
    expect(compileError('MATCH (n) RETURN [x IN collect(n) | x.name] AS names, count(*) AS c ORDER BY c')).toBe('accepted');
  });

  it('rejects SKIP and LIMIT that are not constant non-negative integers, unknown functions and bare patterns as values', () => {
    expect(compileError('MATCH (n) RETURN n SKIP n.x')).toBe('NonConstantExpression');
    expect(compileError('MATCH (n) RETURN n LIMIT -1')).toBe('NegativeIntegerArgument');
    expect(compileError('MATCH (n) RETURN n LIMIT 1.5')).toBe('InvalidArgumentType');
    expect(compileError('MATCH (n) RETURN n SKIP $s LIMIT $l')).toBe('accepted');
    expect(compileError('RETURN nosuchfunction(1)')).toBe('UnknownFunction');
    expect(compileError('MATCH (n) RETURN (n)-->()')).toBe('UnexpectedSyntax');
    expect(compileError('MATCH (n) WHERE (n) RETURN n')).toBe('InvalidArgumentType');
    expect(compileError('MATCH (n) WHERE (n)-->() AND NOT (n)<--() RETURN n')).toBe('accepted');
    expect(compileError('RETURN *')).toBe('NoVariablesInScope');
  });

  it('accepts every gallery query', () => {
    for (const q of readExampleQueries()) expect(compileError(q.text), q.name).toBe('accepted');
  });
});
