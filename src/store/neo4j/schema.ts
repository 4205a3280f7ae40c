/** Applies graph/schema/*.cypher (constraints first, then indexes) and waits until the indexes are online. */
import type { Driver } from 'neo4j-driver';
import { readSchemaStatements } from './cypher-files.ts';

export async function applySchema(driver: Driver, database?: string, statements = readSchemaStatements()): Promise<{ statements: number; changes: number }> {
  let changes = 0;
  const session = driver.session({ database });
  try {
    // Schema changes cannot share a transaction with each other's data: one write transaction each.
    for (const statement of statements) {
      const summary = await session.executeWrite(async (tx) => (await tx.run(statement)).summary);
      const u = summary.counters.updates();
      changes += u.constraintsAdded + u.indexesAdded;
    }
    await session.executeRead((tx) => tx.run('CALL db.awaitIndexes(300)'));
  } finally {
    await session.close();
  }
  return { statements: statements.length, changes };
}
