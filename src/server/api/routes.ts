/**
 * The Neo4j API as a route module of `papergraph serve` (src/server/routes.ts): POST /api/cypher,
 * GET /api/search, GET /api/graph, GET /api/health, GET /api/queries. The handlers are plain
 * functions of (request data, deps); this file only moves data between them and HTTP.
 */
import { sendJson } from '../http.ts';
import type { RouteContext, RouteModule } from '../route.ts';
import { handleCypher } from './cypher.ts';
import { createEngineHost, cypherEngine } from './engine-cypher.ts';
import { handleGraph } from './graph.ts';
import { handleHealth } from './health.ts';
import { createNeo4jDeps } from './neo4j-deps.ts';
import { handleQueries } from './queries.ts';
import { handleSearch } from './search.ts';
import type { ApiAnswer } from './neo4j-deps.ts';

type Deps = ReturnType<typeof createNeo4jDeps>;

export function neo4jRoutes(): RouteModule {
  let deps: Deps | undefined;
  let engine: ReturnType<typeof createEngineHost> | undefined;
  const need = (): Deps => {
    if (!deps) throw new Error('the neo4j route module was not started');
    return deps;
  };
  const reply = (ctx: RouteContext, a: ApiAnswer) => sendJson(ctx.res, a.status, a.json);
  return {
    name: 'neo4j',
    start(config) {
      deps = createNeo4jDeps(config.env, config.neo4jUri);
      engine = config.snapshotDir ? createEngineHost(config.snapshotDir) : undefined;
    },
    async stop() {
      await deps?.close();
      deps = undefined;
    },
    routes: [
      {
        method: 'POST',
        path: '/api/cypher',
        handle: async (ctx) => {
          const body = await ctx.readJson();
          const answer = engine && cypherEngine(ctx.config) === 'built-in' ? await engine.handle(body, need().limits) : await handleCypher(body, need());
          reply(ctx, answer);
        },
      },
      { method: 'GET', path: '/api/search', handle: async (ctx) => reply(ctx, await handleSearch(ctx.url.searchParams, need())) },
      { method: 'GET', path: '/api/graph', handle: async (ctx) => reply(ctx, await handleGraph(ctx.url.searchParams, need())) },
      { method: 'GET', path: '/api/health', handle: async (ctx) => reply(ctx, await handleHealth(need(), engine ? cypherEngine(ctx.config) : 'neo4j')) },
      { method: 'GET', path: '/api/queries', handle: (ctx) => reply(ctx, handleQueries()) },
    ],
  };
}
