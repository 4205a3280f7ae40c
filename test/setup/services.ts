import type { TestProject } from 'vitest/node';
import { startNeo4jForTests } from './neo4j.ts';

/** Services started once per test run; each returns its teardown. Add one entry per service. */
export const SERVICES: Array<(project: TestProject) => Promise<(() => Promise<void> | void) | void>> = [
  startNeo4jForTests,
];
