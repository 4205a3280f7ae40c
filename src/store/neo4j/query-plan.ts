/**
 * The read-only check of a user's Cypher, from its plan (EXPLAIN: nothing executes). A query passes
 * only when its plan is a plain read: no LOAD CSV (it fetches files or URLs from the database host),
 * no CALL {...} IN TRANSACTIONS, no SHOW/TERMINATE or administration command, and no procedure but
 * the allow-listed ones (READ mode is not enough: APOC's loaders and db.stats.collect are READ).
 */

/** Procedures a console query may call: schema and index look-ups, nothing that reaches outside. */
export const ALLOWED_PROCEDURES = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.index.vector.queryNodes',
  'db.index.vector.queryRelationships',
  'dbms.components',
]);

export interface ExplainText {
  /** The text to run with EXPLAIN. */
  text: string;
  /** How many characters were put in front of the user's text (error positions shift back by this). */
  shift: number;
}

const SPACE_OR_COMMENT = /^(?:\s+|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)/;
/** One CYPHER pre-parser option: a version ("5", "25") or key=value ("runtime=slotted"). */
const CYPHER_OPTION = /^(?:\d+(?:\.\d+)?|[A-Za-z_][\w.]*\s*=\s*[\w.]+)(?=\s|\/|$)/;

/**
 * The query as an EXPLAIN. The leading pre-parser part (comments, CYPHER options, EXPLAIN, PROFILE,
 * in any order) is scanned: an EXPLAIN there means the query is one already; each PROFILE there is
 * overwritten by EXPLAIN (same length, so positions stay); otherwise "EXPLAIN " goes in front.
 */
export function explainText(query: string): ExplainText {
  let i = 0;
  let explained = false;
  const profiles: number[] = [];
  for (;;) {
    const rest = query.slice(i);
    const gap = SPACE_OR_COMMENT.exec(rest);
    if (gap) {
      i += gap[0].length;
      continue;
    }
    const word = /^(CYPHER|EXPLAIN|PROFILE)(?![\w$])/i.exec(rest)?.[1]?.toUpperCase();
    if (!word) break;
    if (word === 'EXPLAIN') explained = true;
    if (word === 'PROFILE') profiles.push(i);
    i += word.length;
    if (word === 'CYPHER') {
      for (;;) {
        const space = /^\s+/.exec(query.slice(i))?.[0] ?? '';
        const option = CYPHER_OPTION.exec(query.slice(i + space.length));
        if (!option) break;
        i += space.length + option[0].length;
      }
    }
  }
  let text = query;
  for (const at of profiles) text = `${text.slice(0, at)}EXPLAIN${text.slice(at + 7)}`;
  if (explained || profiles.length) return { text, shift: 0 };
  return { text: `EXPLAIN ${query}`, shift: 8 };
}

export interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

export interface PlanStep {
  operator: string;
  /** The database the operator runs on ("neo4j", "system"), from "Operator@db". */
  database: string;
  /** For ProcedureCall: the procedure's name. */
  procedure?: string;
}

export function planSteps(plan: PlanNode | false | undefined | null): PlanStep[] {
  if (!plan) return [];
  const [operator, database = ''] = plan.operatorType.split('@') as [string, string?];
  const details = typeof plan.arguments?.Details === 'string' ? plan.arguments.Details : '';
  const procedure = /Procedure/.test(operator) ? /^\s*([\w.]+)\s*\(/.exec(details)?.[1] ?? '(unnamed)' : undefined;
  return [{ operator, database, ...(procedure ? { procedure } : {}) }, ...(plan.children ?? []).flatMap((c) => planSteps(c))];
}

/** Why a plan is refused, or undefined when it is a plain read. */
export function refusal(queryType: string | undefined, steps: PlanStep[]): string | undefined {
  const has = (test: (s: PlanStep) => boolean) => steps.find(test);
  if (has((s) => s.operator === 'LoadCSV')) return 'LOAD CSV reads files or URLs from the database server and is not allowed here';
  if (has((s) => s.operator === 'TransactionApply' || s.operator === 'TransactionForeach')) return 'CALL { ... } IN TRANSACTIONS is not allowed here';
  const admin = has((s) => s.database === 'system' || /^(Show|Terminate|AdministrationCommand)/.test(s.operator));
  if (admin) return `${admin.operator} (server settings, transactions, users or administration) is not allowed here`;
  if (queryType !== undefined && queryType !== 'r') {
    return queryType === 's' ? 'queries run read-only here, and this one changes the schema' : 'queries run read-only here, and this one tries to write';
  }
  const call = has((s) => s.procedure !== undefined && !ALLOWED_PROCEDURES.has(s.procedure));
  if (call) return `the procedure ${call.procedure} is not allowed here (allowed: ${[...ALLOWED_PROCEDURES].join(', ')})`;
  return undefined;
}
