/** Where the bundled Neo4j lives in the checkout: artifacts under graph/server, state under .neo4j/ (git-ignored). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The jars that `npm run neo4j:install` copies from Maven Central (graph/server/pom.xml). */
export const NEO4J_LIB_DIR = join(REPO_ROOT, 'graph', 'server', 'target', 'lib');

/** The home of the bundled development server: config, data, logs, pid and the generated password. */
export function defaultNeo4jHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.PAPERGRAPH_NEO4J_HOME ?? join(REPO_ROOT, '.neo4j');
}

export function passwordFile(home: string): string {
  return join(home, 'password');
}

export const SCHEMA_DIR = join(REPO_ROOT, 'graph', 'schema');
export const QUERIES_DIR = join(REPO_ROOT, 'graph', 'queries');
