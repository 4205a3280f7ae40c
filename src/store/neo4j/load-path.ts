/**
 * Which way `papergraph load` writes: neo4j-admin import when the target is the bundled server
 * (this machine's, managed by papergraph) and its database holds nothing, or when an earlier
 * admin load of it was interrupted; Bolt otherwise, since the import replaces the whole database.
 */
import { existsSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { importInterrupted } from './admin-load.ts';
import type { Neo4jConfig } from './config.ts';
import { defaultLocalServer, isInstalled, localServerInfo, type LocalServerSpec } from './local-server.ts';

export type LoadVia = 'auto' | 'bolt' | 'admin';
export type LoadPath = { via: 'bolt' } | { via: 'admin'; spec: LocalServerSpec; reason: string };

export class LoadPathError extends Error {}

/** The bundled server's spec when `config` points at it, as `papergraph neo4j start` runs it. */
export function bundledTarget(config: Neo4jConfig, env: NodeJS.ProcessEnv): LocalServerSpec | undefined {
  const spec = defaultLocalServer(env);
  let url: URL;
  try {
    url = new URL(config.uri.replace(/^[a-z+]+:/, 'http:'));
  } catch {
    return undefined;
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (!local || Number(url.port || 7687) !== spec.boltPort || !isInstalled(spec) || !existsSync(localServerInfo(spec).passwordFile)) return undefined;
  if (config.database && config.database !== 'neo4j') return undefined; // the import writes the default database only
  return spec;
}

export async function choosePath(config: Neo4jConfig, env: NodeJS.ProcessEnv, via: LoadVia): Promise<LoadPath> {
  if (via === 'bolt') return { via };
  const spec = bundledTarget(config, env);
  if (!spec) {
    if (via === 'admin') throw new LoadPathError(`--via admin needs the bundled server (papergraph neo4j start) as the target; ${config.uri} is not it`);
    return { via: 'bolt' };
  }
  if (importInterrupted(spec)) return { via: 'admin', spec, reason: 'resuming an interrupted import' };
  if (!localServerInfo(spec).running) {
    if (via === 'admin') return { via, spec, reason: 'the server is stopped' };
    return { via: 'bolt' }; // Bolt will say the server is down, and how to start it
  }
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), { connectionTimeout: 5_000 });
  let nodes: number;
  try {
    const r = await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database: config.database, routing: 'READ' });
    nodes = Number(r.records[0]!.get('n'));
  } catch {
    return { via: 'bolt' }; // unreachable or refused: the Bolt load reports it properly
  } finally {
    await driver.close();
  }
  if (nodes === 0) return { via: 'admin', spec, reason: 'the database was empty' };
  if (via === 'admin') throw new LoadPathError(`the database at ${config.uri} holds ${nodes.toLocaleString('en-US')} nodes; neo4j-admin import would replace them. Load with --via bolt, or empty it first`);
  return { via: 'bolt' };
}
