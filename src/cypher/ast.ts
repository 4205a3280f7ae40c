/** The engine's own syntax tree: what the grammar's parse tree is turned into (see build-*.ts). */

export type Expr =
  | { k: 'lit'; v: unknown }
  | { k: 'param'; name: string }
  | { k: 'var'; name: string }
  | { k: 'prop'; of: Expr; key: string }
  | { k: 'index'; of: Expr; at: Expr }
  | { k: 'slice'; of: Expr; from: Expr | null; to: Expr | null }
  | { k: 'list'; items: Expr[] }
  | { k: 'map'; entries: [string, Expr][] }
  | { k: 'bin'; op: BinOp; a: Expr; b: Expr }
  | { k: 'not'; a: Expr }
  | { k: 'neg'; a: Expr }
  | { k: 'isnull'; a: Expr; not: boolean }
  | { k: 'labels'; a: Expr; test: LabelTest }
  | { k: 'call'; name: string; args: Expr[]; distinct: boolean }
  | { k: 'countStar' }
  | { k: 'case'; subject: Expr | null; whens: [Expr, Expr][]; otherwise: Expr | null }
  | { k: 'listComp'; v: string; list: Expr; where: Expr | null; map: Expr | null }
  | { k: 'quant'; q: 'all' | 'any' | 'none' | 'single'; v: string; list: Expr; where: Expr }
  | { k: 'reduce'; acc: string; init: Expr; v: string; list: Expr; step: Expr }
  | { k: 'patternComp'; path: string | null; pattern: PathPattern; where: Expr | null; map: Expr }
  | { k: 'pattern'; pattern: PathPattern }
  | { k: 'exists'; patterns: PathPattern[]; where: Expr | null; count: boolean }
  | { k: 'shortest'; pattern: PathPattern; all: boolean }
  | { k: 'mapProj'; v: string; items: MapProjItem[] };

export type BinOp = 'or' | 'xor' | 'and' | '=' | '<>' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%' | '^' | 'in' | 'starts' | 'ends' | 'contains' | '=~';

export type MapProjItem = { k: 'all' } | { k: 'prop'; key: string } | { k: 'var'; name: string } | { k: 'entry'; key: string; value: Expr };

/** A label expression: `:A:B` is an and of names, `:A|B` an or. */
export type LabelTest = { k: 'name'; name: string } | { k: 'and' | 'or'; parts: LabelTest[] } | { k: 'not'; a: LabelTest } | { k: 'any' };

export interface NodePat {
  v: string | null;
  labels: LabelTest | null;
  props: Expr | null;
  where: Expr | null;
}

export interface RelPat {
  v: string | null;
  types: string[];
  dir: 'out' | 'in' | 'both';
  props: Expr | null;
  where: Expr | null;
  /** Variable length: `*`, `*2`, `*1..3`; null for a single hop. */
  range: { min: number; max: number } | null;
}

/** A chain: nodes[0] rels[0] nodes[1] ...; `shortest` for shortestPath / allShortestPaths. */
export interface PathPattern {
  v: string | null;
  nodes: NodePat[];
  rels: RelPat[];
  shortest: 'one' | 'all' | null;
}

export interface ReturnItem {
  expr: Expr;
  alias: string;
}

export interface OrderItem {
  expr: Expr;
  desc: boolean;
}

export interface Projection {
  distinct: boolean;
  star: boolean;
  items: ReturnItem[];
  order: OrderItem[];
  skip: Expr | null;
  limit: Expr | null;
  /** For `*`: the variables in scope, in column order (set by the checker, so an empty result still has its columns). */
  starColumns?: string[];
}

export type Clause =
  | { k: 'match'; optional: boolean; patterns: PathPattern[]; where: Expr | null }
  | { k: 'unwind'; list: Expr; v: string }
  | { k: 'with'; proj: Projection; where: Expr | null }
  | { k: 'return'; proj: Projection }
  /** Only for building test fixtures (the TCK runner): refused everywhere else. */
  | { k: 'create'; patterns: PathPattern[] };

export interface SingleQuery {
  clauses: Clause[];
}

export interface Query {
  parts: SingleQuery[];
  /** unionAll[i] joins parts[i] and parts[i+1]. */
  unionAll: boolean[];
  explain: boolean;
}

/** A string equal for equal trees: finds an ORDER BY item or an aggregate that a projection already computes. */
export const exprKey = (e: Expr): string => JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
