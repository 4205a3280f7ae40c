/**
 * Global test setup: each service a suite needs registers its start/stop here
 * (the local Neo4j when NEO4J_URI is unset, the built explorer for e2e).
 */
import type { TestProject } from 'vitest/node';

type Teardown = () => Promise<void> | void;

export default async function setup(project: TestProject): Promise<Teardown> {
  const teardowns: Teardown[] = [];
  const services = await import('./services.ts');
  for (const start of services.SERVICES) {
    const stop = await start(project);
    if (stop) teardowns.push(stop);
  }
  return async () => {
    for (const stop of teardowns.reverse()) await stop();
  };
}
