/** Runs the real neo4j-admin of the bundled artifacts on exported CSV files, into a stopped server's home. */
import { join } from 'node:path';
import { adminImportArgs, type AdminImportFiles } from './admin-csv.ts';
import { localServerInfo, runAdminTool, type LocalServerSpec } from './local-server.ts';

export async function importWithNeo4jAdmin(spec: LocalServerSpec, files: AdminImportFiles): Promise<{ ms: number; output: string }> {
  if (localServerInfo(spec).running) throw new Error(`neo4j-admin import needs the server of ${spec.home} stopped`);
  const t0 = performance.now();
  const { code, output } = await runAdminTool(spec, adminImportArgs(files, (f) => join(files.dir, f)), files.dir);
  if (code !== 0) throw new Error(`neo4j-admin database import failed (exit ${code}): ${output.trim().split('\n').slice(-5).join(' | ')}`);
  return { ms: performance.now() - t0, output };
}
