/**
 * The Neo4j the tests talk to: NEO4J_URI and friends when set, otherwise the bundled server started
 * here with its own throw-away home (.neo4j/test) and ports (17687/17474), so the tests never touch
 * the developer's database on 7687. The connection reaches the test files through provide/inject.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { defaultLocalServer, isInstalled, startLocalServer, stopLocalServer } from '../../src/store/neo4j/local-server.ts';
import { REPO_ROOT } from '../../src/store/neo4j/paths.ts';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** True when the tests started it (and may start scratch servers from the same artifacts). */
  bundled: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j | { unavailable: string };
  }
}

export const TEST_SERVER = {
  ...defaultLocalServer({}),
  home: join(REPO_ROOT, '.neo4j', 'test'),
  boltPort: 17687,
  httpPort: 17474,
};

export async function startNeo4jForTests(project: TestProject): Promise<(() => Promise<void>) | void> {
  const env = process.env;
  if (env.NEO4J_URI) {
    project.provide('neo4j', { uri: env.NEO4J_URI, user: env.NEO4J_USER ?? 'neo4j', password: env.NEO4J_PASSWORD ?? '', database: env.NEO4J_DATABASE || undefined, bundled: false });
    return;
  }
  if (!isInstalled(TEST_SERVER)) {
    // The Neo4j suites fail with this reason; the others still run.
    project.provide('neo4j', { unavailable: `the bundled Neo4j is not installed (run \`npm run neo4j:install\`) and NEO4J_URI is not set` });
    return;
  }
  // A fresh database every run: stop a server a crashed run left behind, then start from nothing.
  await stopLocalServer(TEST_SERVER);
  rmSync(TEST_SERVER.home, { recursive: true, force: true });
  const started = await startLocalServer(TEST_SERVER);
  project.provide('neo4j', { uri: started.uri, user: 'neo4j', password: started.password, bundled: true });
  return async () => {
    await stopLocalServer(TEST_SERVER);
  };
}
