/** One driver per process, opened from resolved settings and closed by whoever opened it. */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConfig } from './config.ts';

export function openDriver(config: Neo4jConfig, options: { maxConnectionPoolSize?: number; maxTransactionRetryTime?: number } = {}): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    // Fail fast when the server is down instead of retrying for the driver's default 30 s.
    connectionAcquisitionTimeout: 20_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: options.maxTransactionRetryTime ?? 5_000,
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
    userAgent: 'papergraph',
    disableLosslessIntegers: false,
  });
}

/** Opens a driver, checks the server answers with these credentials and this database, runs `work`, closes. */
export async function withDriver<T>(config: Neo4jConfig, work: (driver: Driver) => Promise<T>, options: Parameters<typeof openDriver>[1] = {}): Promise<T> {
  const driver = openDriver(config, options);
  try {
    await driver.verifyConnectivity({ database: config.database });
    // verifyConnectivity does not touch the database on every server version: ask it something.
    await driver.executeQuery('RETURN 1', {}, { database: config.database, routing: 'READ' });
    return await work(driver);
  } finally {
    await driver.close();
  }
}
