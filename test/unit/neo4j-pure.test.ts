/** The pure parts of the Neo4j store: snapshot -> rows, Cypher files, plan refusals, result formats, CLI params. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExampleQuery, splitStatements } from '../../src/store/neo4j/cypher-files.ts';
import { explainText, planSteps, refusal, type PlanStep } from '../../src/store/neo4j/query-plan.ts';
import { toCsv } from '../../src/web/console/results.ts';
import { formatResult } from '../../src/store/neo4j/result-format.ts';
import { KEEP_SEPARATOR, SnapshotError, planLoad, toProps } from '../../src/model/load-rows.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import { parseParams } from '../../src/cli/commands/query.ts';

const mini = (): Snapshot => JSON.parse(readFileSync(new URL('../fixtures/neo4j/mini-snapshot.json', import.meta.url), 'utf8'));

describe('planLoad', () => {
  it('groups rows by label and by (type, start label, end label) and counts what Neo4j will hold', () => {
    const plan = planLoad(mini());
    expect(plan.expected.labels).toEqual({ Paper: 4, Benchmark: 1, Dataset: 3, Task: 1, Concept: 1, Cluster: 2 });
    expect(plan.expected.types).toEqual({ EVALUATED_ON: 5, MENTIONS: 2, ADDRESSES: 1, INTRODUCES: 1, SIMILAR_TO: 1, IN_CLUSTER: 10 });
    expect(plan.edges.map((g) => `${g.type}:${g.from}:${g.to}`)).toContain('EVALUATED_ON:Paper:Benchmark');
    expect(plan.edges.map((g) => `${g.type}:${g.from}:${g.to}`)).toContain('EVALUATED_ON:Paper:Dataset');
    const a = plan.nodes.get('Paper')!.find((r) => r.id === 'paper:a')!;
    expect(a.props.title).toBe(a.props.name);
    expect(a.props.kind).toBeUndefined();
    const kilt = plan.edges.find((g) => g.to === 'Benchmark')!.rows[0]!;
    expect(JSON.parse(kilt.props.evidence as string)[0].surface).toBe('KILT');
    expect(plan.keep.find((k) => k.id === 'paper:a')!.keep.sort()).toEqual(
      [`EVALUATED_ON${KEEP_SEPARATOR}benchmark:kilt`, `EVALUATED_ON${KEEP_SEPARATOR}dataset:natural-questions`, `IN_CLUSTER${KEEP_SEPARATOR}0`].sort(),
    );
  });

  it('names the node or edge at fault', () => {
    const bad = mini();
    (bad.nodes[1]!.attributes as { kind: string }).kind = 'Evil';
    expect(() => planLoad(bad)).toThrow(new SnapshotError('node "paper:b": kind "Evil" is not one of Paper, Dataset, Benchmark, Task, Concept, Author, Category, Venue'));
    const dangling = mini();
    dangling.edges[0]!.target = 'dataset:nowhere';
    expect(() => planLoad(dangling)).toThrow(/edge #0 \(paper:a -> dataset:nowhere\): target is not a node of the snapshot/);
    const twice = mini();
    twice.edges.push(structuredClone(twice.edges[0]!));
    expect(() => planLoad(twice)).toThrow(/a second EVALUATED_ON edge between the same two nodes/);
    expect(() => planLoad({} as Snapshot)).toThrow(/not a graph snapshot/);
  });

  it('keeps scalars and scalar lists, drops absent values and empty lists, JSON-encodes the rest', () => {
    expect(toProps({ a: 1, b: 'x', c: [1, 2], d: ['u'], e: [], f: null, g: undefined, h: { k: 1 }, i: [{ k: 1 }], j: NaN, kind: 'Paper' }, new Set(['kind']))).toEqual({
      a: 1,
      b: 'x',
      c: [1, 2],
      d: ['u'],
      h: '{"k":1}',
      i: '[{"k":1}]',
    });
  });
});

describe('Cypher files', () => {
  it('splits statements on a trailing semicolon and skips comments', () => {
    expect(splitStatements('// c\nCREATE A;\nCREATE B\n  FOR x;\n\nCREATE C')).toEqual(['CREATE A', 'CREATE B FOR x', 'CREATE C']);
  });
  it('reads an example query: description, JSON parameter defaults, text', () => {
    const q = parseExampleQuery('/x/some-query.cypher', '// Says what.\n// @param name = "KILT"\n// @param n = null\nMATCH (n) RETURN n');
    expect(q).toMatchObject({ name: 'some-query', description: 'Says what.', params: { name: 'KILT', n: null } });
    expect(() => parseExampleQuery('/x/q.cypher', '// @param name = KILT\nRETURN 1')).toThrow('/x/q.cypher:1: the default of @param name must be JSON, got KILT');
  });
});

describe('read-only checks', () => {
  const step = (operator: string, extra: Partial<PlanStep> = {}): PlanStep => ({ operator, database: 'neo4j', ...extra });
  it('EXPLAINs the query, or the query itself when it is an EXPLAIN, or the PROFILE without PROFILE', () => {
    expect(explainText('MATCH (n) RETURN n')).toEqual({ text: 'EXPLAIN MATCH (n) RETURN n', shift: 8 });
    expect(explainText('// hi\nexplain MATCH (n) RETURN n')).toEqual({ text: '// hi\nexplain MATCH (n) RETURN n', shift: 0 });
    expect(explainText('/* x */ PROFILE MATCH (n) SET n.a = 1')).toEqual({ text: '/* x */ EXPLAIN MATCH (n) SET n.a = 1', shift: 0 });
  });
  it('finds PROFILE wherever it sits among the leading CYPHER options', () => {
    expect(explainText("CYPHER runtime=slotted PROFILE LOAD CSV FROM 'x' AS r RETURN r").text).toBe("CYPHER runtime=slotted EXPLAIN LOAD CSV FROM 'x' AS r RETURN r");
    expect(explainText('cypher 5 runtime = slotted /* c */ profile RETURN 1').text).toBe('cypher 5 runtime = slotted /* c */ EXPLAIN RETURN 1');
    expect(explainText('PROFILE CYPHER runtime=slotted RETURN 1').text).toBe('EXPLAIN CYPHER runtime=slotted RETURN 1');
    // "profile" as a name later in the query is not the pre-parser's keyword.
    expect(explainText('MATCH (profile) RETURN profile')).toEqual({ text: 'EXPLAIN MATCH (profile) RETURN profile', shift: 8 });
  });
  it('reads operators, databases and procedure names from a plan', () => {
    const plan = { operatorType: 'ProduceResults@neo4j', children: [{ operatorType: 'ProcedureCall@neo4j', arguments: { Details: 'db.labels() :: (label :: STRING)' } }] };
    expect(planSteps(plan)).toEqual([step('ProduceResults'), step('ProcedureCall', { procedure: 'db.labels' })]);
  });
  it('refuses writes, schema changes, LOAD CSV, CALL IN TRANSACTIONS, SHOW/TERMINATE, administration and unlisted procedures', () => {
    expect(refusal('r', [step('ProduceResults'), step('AllNodesScan')])).toBeUndefined();
    expect(refusal('w', [step('Create')])).toMatch(/tries to write/);
    expect(refusal('rw', [step('SetProperty')])).toMatch(/tries to write/);
    expect(refusal('s', [step('CreateIndex')])).toMatch(/changes the schema/);
    expect(refusal('r', [step('ProduceResults'), step('LoadCSV')])).toMatch(/LOAD CSV/);
    expect(refusal('r', [step('TransactionApply')])).toMatch(/IN TRANSACTIONS/);
    expect(refusal('r', [step('ShowSettings')])).toMatch(/^ShowSettings .* is not allowed/);
    expect(refusal('r', [step('TerminateTransactions')])).toMatch(/^TerminateTransactions/);
    expect(refusal('s', [{ operator: 'AdministrationCommand', database: 'system' }])).toMatch(/administration/);
    expect(refusal('r', [step('ProcedureCall', { procedure: 'apoc.load.json' })])).toMatch(/procedure apoc\.load\.json is not allowed/);
    expect(refusal('r', [step('ProcedureCall', { procedure: 'db.labels' })])).toBeUndefined();
  });
});

describe('result formats and parameters', () => {
  const rows = [{ title: 'A "quoted", title', n: 2, p: { id: 'paper:a', elementId: '4:x:1', labels: ['Paper'], properties: { title: 'T' } } }];
  it('writes RFC 4180 CSV and a table with nodes by label and name', () => {
    expect(formatResult('csv', ['title', 'n'], rows)).toBe('title,n\r\n"A ""quoted"", title",2\r\n');
    expect(formatResult('table', ['title', 'p'], rows, 200)).toBe('title             | p        \n------------------+----------\nA "quoted", title | (Paper) T\n');
  });
  it('parses --param values as JSON when they are JSON, else as strings', () => {
    expect(parseParams(['a=1', 'b=KILT', 'c=["x"]', 'd="7"', 'e=', 'f=a=b'])).toEqual({ a: 1, b: 'KILT', c: ['x'], d: '7', e: '', f: 'a=b' });
    expect(() => parseParams(['1x=2'])).toThrow(/Cypher parameter name/);
  });
});

describe('CSV cells a spreadsheet would run', () => {
  it('defuses formulas in `papergraph query --format csv` as the explorer export does, spaces and full-width signs too', () => {
    const cells = ['=HYPERLINK("http://x","y")', '+cmd|calc', '-2+3', '@SUM(A1)', ' =1+1', '\uff1d1+1', '\u3000+1', 'plain', 'a=b'];
    const csv = formatResult('csv', ['c'], cells.map((c) => ({ c })));
    expect(csv.split('\r\n').slice(1, -1)).toEqual([`"'=HYPERLINK(""http://x"",""y"")"`, "'+cmd|calc", "'-2+3", "'@SUM(A1)", "' =1+1", "'\uff1d1+1", "'\u3000+1", 'plain', 'a=b']);
    expect(toCsv(['c'], cells.map((c) => ({ c }))).split(/\r?\n/).slice(1, 8)).toEqual(csv.split('\r\n').slice(1, 8));
  });
});
