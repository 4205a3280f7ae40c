/**
 * The route table. A route module brings its routes and, optionally, start/stop hooks for what it
 * holds (a Neo4j driver...). To add an API, write a module in src/server/api/ and append it to
 * ROUTE_MODULES; the server knows nothing else about it.
 */
import type { RouteModule } from './route.ts';
import { snapshotRoutes } from './snapshot-routes.ts';
import { neo4jRoutes } from './api/routes.ts';
import { mapRoutes } from './map-routes.ts';

export const ROUTE_MODULES: RouteModule[] = [snapshotRoutes, mapRoutes(), neo4jRoutes()];
