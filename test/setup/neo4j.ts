/**
 * The Neo4j the tests talk to: NEO4J_URI and friends when set, otherwise the bundled server started
 * here with its own throw-away home (.neo4j/test) and Bolt port (17687, or PAPERGRAPH_TEST_BOLT_PORT), so the tests never touch
 * the developer's database on 7687. Suites that wipe the database take a lock (neo4j-helpers.ts). The connection reaches the test files through provide/inject.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { defaultLocalServer, isInstalled, localServerInfo, startLocalServer, stopLocalServer } from '../../src/store/neo4j/local-server.ts';
import { alive } from '../../src/store/neo4j/server-process.ts';
import { REPO_ROOT, passwordFile } from '../../src/store/neo4j/paths.ts';

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
  // Another checkout on the same machine (a second worktree) runs its own test server on other ports.
  boltPort: Number(process.env.PAPERGRAPH_TEST_BOLT_PORT ?? 17687),
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
  // Several test runs may share this checkout (and so this server): the first one starts it from a
  // fresh home, later ones join it, and the last one to finish stops it.
  const release = await lockFile(join(tmpdir(), `papergraph-neo4j-test-setup-${TEST_SERVER.boltPort}.lock`));
  let password: string;
  try {
    const running = localServerInfo(TEST_SERVER).running;
    if (running && !existsSync(passwordFile(TEST_SERVER.home))) await stopLocalServer(TEST_SERVER); // unusable: its password is lost
    if (!localServerInfo(TEST_SERVER).running) rmSync(TEST_SERVER.home, { recursive: true, force: true });
    password = (await startLocalServer(TEST_SERVER)).password;
    mkdirSync(join(TEST_SERVER.home, 'users'), { recursive: true });
    writeFileSync(join(TEST_SERVER.home, 'users', String(process.pid)), '');
  } finally {
    release();
  }
  project.provide('neo4j', { uri: `bolt://127.0.0.1:${TEST_SERVER.boltPort}`, user: 'neo4j', password, bundled: true });
  return async () => {
    const done = await lockFile(join(tmpdir(), `papergraph-neo4j-test-setup-${TEST_SERVER.boltPort}.lock`));
    try {
      const users = join(TEST_SERVER.home, 'users');
      rmSync(join(users, String(process.pid)), { force: true });
      const others = readdirSync(users).filter((pid) => alive(Number(pid)));
      if (others.length === 0) await stopLocalServer(TEST_SERVER);
    } finally {
      done();
    }
  };
}


/** A lock file held by a live process; one left by a dead process is taken over. */
export async function lockFile(file: string): Promise<() => void> {
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch {
      let holder = 0;
      try {
        holder = Number(readFileSync(file, 'utf8')) || 0;
      } catch {
        continue; // released in between
      }
      if (holder > 0 && alive(holder)) await new Promise((r) => setTimeout(r, 200));
      else rmSync(file, { force: true });
    }
  }
}
