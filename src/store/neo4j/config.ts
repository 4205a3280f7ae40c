/**
 * Connection settings, resolved once at the edge from NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD /
 * NEO4J_DATABASE. Without NEO4J_URI papergraph talks to the bundled local server, whose password
 * `papergraph neo4j start` generated into a git-ignored file.
 */
import { readFileSync } from 'node:fs';
import { defaultNeo4jHome, passwordFile } from './paths.ts';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  /** Undefined means the server's default database. */
  database?: string;
  /** Where the password came from, for messages ("wrong password from NEO4J_PASSWORD"). */
  passwordSource: string;
}

export const DEFAULT_BOLT_PORT = 7687;

const URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

export function resolveNeo4jConfig(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const uri = env.NEO4J_URI?.trim() || `bolt://127.0.0.1:${DEFAULT_BOLT_PORT}`;
  const scheme = uri.split('://', 1)[0]!;
  if (!uri.includes('://') || !URI_SCHEMES.includes(scheme)) {
    throw new Error(`NEO4J_URI "${uri}" is not a Bolt URI: expected one of ${URI_SCHEMES.map((s) => `${s}://`).join(', ')}`);
  }
  const user = env.NEO4J_USER?.trim() || env.NEO4J_USERNAME?.trim() || 'neo4j';
  const database = env.NEO4J_DATABASE?.trim() || undefined;
  if (env.NEO4J_PASSWORD !== undefined) return { uri, user, password: env.NEO4J_PASSWORD, database, passwordSource: 'NEO4J_PASSWORD' };
  const file = passwordFile(defaultNeo4jHome(env));
  try {
    return { uri, user, password: readFileSync(file, 'utf8').trim(), database, passwordSource: file };
  } catch {
    // No password anywhere: the server will say "unauthorized", and the message will name both places.
    return { uri, user, password: '', database, passwordSource: `neither NEO4J_PASSWORD nor ${file}` };
  }
}
