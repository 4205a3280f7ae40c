/**
 * The Cypher that lives in graph/ as files: the schema (statements separated by `;`) and the example
 * queries (one per file; leading `//` comments describe it, `// @param name = <JSON>` gives each
 * parameter's default so the gallery and the tests can run it as is).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { QUERIES_DIR, SCHEMA_DIR } from './paths.ts';

export interface ExampleQuery {
  /** File name without `.cypher`, e.g. "papers-on-benchmark". */
  name: string;
  file: string;
  /** The comment lines, without the parameter lines: what the query answers. */
  description: string;
  params: Record<string, unknown>;
  /** The whole file, comments included (Cypher accepts `//` comments). */
  text: string;
}

/** Splits a schema file into statements: `;` ends a statement at the end of a line; `//` lines are comments. */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('//')) continue;
    current.push(line);
    if (line.endsWith(';')) {
      statements.push(current.join(' ').replace(/;$/, ''));
      current = [];
    }
  }
  if (current.length > 0) statements.push(current.join(' '));
  return statements;
}

export function parseExampleQuery(file: string, text: string): ExampleQuery {
  const description: string[] = [];
  const params: Record<string, unknown> = {};
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line.startsWith('//')) return;
    const body = line.slice(2).trim();
    const m = /^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+)$/.exec(body);
    if (!m) {
      description.push(body);
      return;
    }
    try {
      params[m[1]!] = JSON.parse(m[2]!);
    } catch {
      throw new Error(`${file}:${i + 1}: the default of @param ${m[1]} must be JSON, got ${m[2]}`);
    }
  });
  return { name: basename(file).replace(/\.cypher$/, ''), file, description: description.join(' '), params, text: text.trim() };
}

export function readSchemaStatements(dir = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .flatMap((f) => splitStatements(readFileSync(join(dir, f), 'utf8')));
}

export function readExampleQueries(dir = QUERIES_DIR): ExampleQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => parseExampleQuery(join(dir, f), readFileSync(join(dir, f), 'utf8')));
}
