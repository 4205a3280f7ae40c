/**
 * Runs before `npm test` (npm's pretest): what the suites need beyond node_modules, installed on
 * first use so that `npm install && npm test` is the whole set-up on a fresh clone.
 *   - the bundled Neo4j (from Maven Central), unless NEO4J_URI points at a server;
 *   - Chromium from Debian, where this user may install packages;
 *   - the built explorer, rebuilt when its sources are newer than dist/.
 * Where something cannot be installed from here, one line says exactly what to install, and the
 * run stops before any suite fails for the same reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function stop(line: string): never {
  process.stderr.write(`papergraph tests: ${line}\n`);
  process.exit(1);
}

function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { cwd: REPO, stdio: 'inherit' }).status === 0;
}

const has = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

function ensureNeo4j(): void {
  if (process.env.NEO4J_URI) return;
  const lib = join(REPO, 'graph', 'server', 'target', 'lib');
  if (existsSync(lib) && readdirSync(lib).some((f) => f.startsWith('neo4j-'))) return;
  if (!has('java', ['-version']) || !has('mvn', ['-v']))
    stop('the bundled Neo4j needs Java 17 and Maven: install them (Debian: apt-get install -y openjdk-17-jdk-headless maven), or set NEO4J_URI to a running Neo4j 5');
  process.stderr.write('papergraph tests: installing the bundled Neo4j from Maven Central (once) ...\n');
  if (!run('npm', ['run', '--silent', 'neo4j:install'])) stop('`npm run neo4j:install` failed (see above); it needs Maven Central to be reachable');
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const root = process.getuid?.() === 0;
  const canApt = has('apt-get', ['--version']) && (root || has('sudo', ['-n', 'true']));
  if (!canApt) stop(`the browser tests need Chromium at ${CHROMIUM}: install it (Debian: apt-get install -y chromium), or set CHROMIUM_PATH`);
  process.stderr.write('papergraph tests: installing Chromium from Debian (once) ...\n');
  if (!run('sh', [join(REPO, 'scripts', 'install-chromium.sh')]) || !existsSync(CHROMIUM)) stop(`Chromium could not be installed; install it by hand (apt-get install -y chromium)`);
}

/** The newest modification time under the explorer's sources. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

function ensureBuild(): void {
  const built = newest(join(REPO, 'dist', 'index.html'));
  const sources = Math.max(...['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => newest(join(REPO, p))));
  if (built >= sources) return;
  process.stderr.write('papergraph tests: building the explorer (npm run build) ...\n');
  if (!run('npm', ['run', '--silent', 'build'])) stop('`npm run build` failed (see above)');
}

ensureNeo4j();
ensureChromium();
ensureBuild();
