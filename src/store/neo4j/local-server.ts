/**
 * The bundled local Neo4j Community server: the jars from graph/server (Maven Central), started as
 * `java org.neo4j.server.CommunityEntryPoint --home-dir --config-dir` with its own home folder
 * (config, data, logs, pid, generated password), Bolt only, bound to 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { DEFAULT_BOLT_PORT } from './config.ts';
import { NEO4J_LIB_DIR, defaultNeo4jHome, passwordFile } from './paths.ts';
import { SERVER_MAIN_CLASS, alive, pidFile, runningPid, signalServer } from './server-process.ts';

export { alive, residentBytes } from './server-process.ts';

export interface LocalServerSpec {
  /** Neo4j home: conf/, data/, logs/, neo4j.pid and the password file. */
  home: string;
  libDir: string;
  boltPort: number;
  /** JVM heap, e.g. "1g"; small on purpose, the machines have two cores and share them. */
  heap: string;
  pageCache: string;
  /** Most memory one transaction may use (db.memory.transaction.max); 256m by default. */
  transactionMemory?: string;
}

export interface LocalServerInfo {
  running: boolean;
  pid?: number;
  uri: string;
  home: string;
  passwordFile: string;
}

export function defaultLocalServer(env: NodeJS.ProcessEnv = process.env): LocalServerSpec {
  return {
    home: defaultNeo4jHome(env),
    libDir: NEO4J_LIB_DIR,
    boltPort: Number(env.PAPERGRAPH_NEO4J_BOLT_PORT ?? DEFAULT_BOLT_PORT),
    heap: env.PAPERGRAPH_NEO4J_HEAP ?? '1g',
    pageCache: env.PAPERGRAPH_NEO4J_PAGECACHE ?? '256m',
  };
}

export function isInstalled(spec: LocalServerSpec): boolean {
  return existsSync(spec.libDir) && readdirSync(spec.libDir).some((f) => /^neo4j-\d.*\.jar$/.test(f));
}

function assertInstalled(spec: LocalServerSpec): void {
  if (!isInstalled(spec)) {
    throw new Error(`the bundled Neo4j is not installed (no jars in ${spec.libDir}): run \`npm run neo4j:install\``);
  }
}

export function localServerInfo(spec: LocalServerSpec): LocalServerInfo {
  const pid = runningPid(spec);
  return {
    running: pid !== undefined,
    pid,
    uri: `bolt://127.0.0.1:${spec.boltPort}`,
    home: spec.home,
    passwordFile: passwordFile(spec.home),
  };
}

/** The server's configuration, written on every start so that the spec is the one source of truth. */
export function renderConfig(spec: LocalServerSpec): string {
  return [
    '# Written by papergraph (src/store/neo4j/local-server.ts) on every start; edit the spec, not this file.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${spec.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${spec.boltPort}`,
    // Nothing here speaks HTTP to Neo4j: only Bolt listens.
    'server.http.enabled=false',
    'server.https.enabled=false',
    `server.memory.pagecache.size=${spec.pageCache}`,
    'dbms.security.auth_enabled=true',
    // Reading server-side files through LOAD CSV is never needed here; papergraph refuses it too.
    'dbms.security.allow_csv_import_from_file_urls=false',
    // One query can hold at most this much memory, and run at most this long, whatever its client asks.
    `db.memory.transaction.max=${spec.transactionMemory ?? '256m'}`,
    'db.transaction.timeout=120s',
    'dbms.usage_report.enabled=false',
    // Keep the transaction logs of a development database small.
    'db.tx_log.rotation.retention_policy=2 files',
    // Bolt waits 5 s for idle worker threads on shutdown by default; nothing here needs that.
    'dbms.connector.bolt.unsupported_thread_pool_shutdown_wait_time=1s',
    '',
  ].join('\n');
}

function javaArgs(spec: LocalServerSpec, mainClass: string, args: string[]): string[] {
  return [
    `-Xmx${spec.heap}`,
    '-Xms256m',
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:-OmitStackTraceInFastThrow',
    '-Dfile.encoding=UTF-8',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '-cp',
    `${spec.libDir}/*`,
    mainClass,
    ...args,
  ];
}

function prepareHome(spec: LocalServerSpec): void {
  mkdirSync(join(spec.home, 'conf'), { recursive: true });
  mkdirSync(join(spec.home, 'logs'), { recursive: true });
  writeFileSync(join(spec.home, 'conf', 'neo4j.conf'), renderConfig(spec));
}

/**
 * Runs neo4j-admin (org.neo4j.cli.AdminTool) against this home, e.g. `database import full`. With
 * `secret`, the main class and its arguments go through a private argument file (`java @file`), so
 * a password never shows in the process list.
 */
export function runAdminTool(spec: LocalServerSpec, args: string[], cwd = spec.home, secret = false): Promise<{ code: number; output: string }> {
  assertInstalled(spec);
  prepareHome(spec);
  const argFile = join(spec.home, `.admin-args-${process.pid}`);
  const main = ['org.neo4j.cli.AdminTool', ...args];
  if (secret) writeFileSync(argFile, main.map((a) => `"${a.replace(/["\\]/g, (c) => `\\${c}`)}"`).join('\n'), { mode: 0o600 });
  const javaLine = secret ? [...javaArgs(spec, `@${argFile}`, [])] : javaArgs(spec, main[0]!, args);
  return new Promise<{ code: number; output: string }>((resolve, reject) => {
    const child = spawn('java', javaLine, {
      env: { ...process.env, NEO4J_HOME: spec.home, NEO4J_CONF: join(spec.home, 'conf') },
      // neo4j-admin writes files such as import.report into its working folder.
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', (e) => reject(new Error(`cannot run java for neo4j-admin: ${e.message}`)));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  }).finally(() => rmSync(argFile, { force: true }));
}

/** The password of this home, generated (and set in Neo4j) before the very first start. */
async function ensurePassword(spec: LocalServerSpec): Promise<string> {
  const file = passwordFile(spec.home);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (existsSync(join(spec.home, 'data', 'dbms', 'auth.ini'))) {
    throw new Error(`${file} is missing but ${spec.home}/data already has users: delete ${join(spec.home, 'data')} to start afresh`);
  }
  // Hex, not base64url: one start in 64 drew a password beginning with '-', which neo4j-admin read
  // as an option and answered with its usage text.
  const password = randomBytes(18).toString('hex');
  const { code, output } = await runAdminTool(spec, ['dbms', 'set-initial-password', password], spec.home, true);
  if (code !== 0) throw new Error(`neo4j-admin dbms set-initial-password failed: ${lastLines(output, 3)}`);
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export interface StartResult extends LocalServerInfo {
  alreadyRunning: boolean;
  password: string;
  startMs: number;
}

/** Starts the server (or finds it running) and resolves once Bolt answers a query with the password. */
export async function startLocalServer(spec: LocalServerSpec, options: { timeoutMs?: number } = {}): Promise<StartResult> {
  assertInstalled(spec);
  const t0 = Date.now();
  prepareHome(spec);
  const password = await ensurePassword(spec);
  const existing = runningPid(spec);
  if (existing !== undefined) {
    await waitForBolt(spec, password, options.timeoutMs ?? 60_000, existing);
    return { ...localServerInfo(spec), alreadyRunning: true, password, startMs: Date.now() - t0 };
  }
  if (await portAnswers(spec.boltPort)) throw new Error(`port ${spec.boltPort} on 127.0.0.1 is already in use by another process (another Neo4j?); stop it or choose other ports`);
  const consoleLog = openSync(join(spec.home, 'logs', 'console.log'), 'a');
  const child = spawn(
    'java',
    javaArgs(spec, SERVER_MAIN_CLASS, [`--home-dir=${spec.home}`, `--config-dir=${join(spec.home, 'conf')}`]),
    { detached: true, stdio: ['ignore', consoleLog, consoleLog], env: { ...process.env, NEO4J_HOME: spec.home } },
  );
  closeSync(consoleLog);
  if (child.pid === undefined) throw new Error('could not start java: is a Java 17 runtime on PATH?');
  child.unref();
  writeFileSync(pidFile(spec), `${child.pid}\n`);
  try {
    await waitForBolt(spec, password, options.timeoutMs ?? 90_000, child.pid);
  } catch (err) {
    if (alive(child.pid)) process.kill(child.pid, 'SIGKILL');
    rmSync(pidFile(spec), { force: true });
    throw err;
  }
  return { ...localServerInfo(spec), alreadyRunning: false, password, startMs: Date.now() - t0 };
}

async function waitForBolt(spec: LocalServerSpec, password: string, timeoutMs: number, pid: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const uri = `bolt://127.0.0.1:${spec.boltPort}`;
  let last = '';
  while (Date.now() < deadline) {
    if (!alive(pid)) {
      throw new Error(`Neo4j exited during start-up; last log lines: ${lastLines(readLog(spec), 5)}`);
    }
    const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { connectionTimeout: 2_000, maxConnectionPoolSize: 1 });
    try {
      // The default database answering means the server is fully up, not just the system database.
      await driver.executeQuery('RETURN 1');
      return;
    } catch (err) {
      last = err instanceof Error ? err.message.split('\n', 1)[0]! : String(err);
    } finally {
      await driver.close();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Neo4j did not answer on ${uri} within ${Math.round(timeoutMs / 1000)} s (${last}); see ${join(spec.home, 'logs')}`);
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function readLog(spec: LocalServerSpec): string {
  for (const f of ['neo4j.log', 'console.log']) {
    try {
      const text = readFileSync(join(spec.home, 'logs', f), 'utf8');
      if (text.trim()) return text;
    } catch {
      /* try the next log */
    }
  }
  return '(no log)';
}

function lastLines(text: string, n: number): string {
  return text.trim().split('\n').slice(-n).join(' | ');
}

/**
 * Asks the server to shut down (SIGTERM: Neo4j checkpoints and closes cleanly), waits, and only then
 * kills. Each signal goes only to a process that is still this home's server (server-process.ts).
 */
export async function stopLocalServer(spec: LocalServerSpec, options: { timeoutMs?: number } = {}): Promise<{ stopped: boolean; pid?: number; ms: number }> {
  const t0 = Date.now();
  const pid = runningPid(spec);
  if (pid === undefined || !signalServer(pid, spec, 'SIGTERM')) {
    rmSync(pidFile(spec), { force: true });
    return { stopped: false, ms: 0 };
  }
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) signalServer(pid, spec, 'SIGKILL');
  rmSync(pidFile(spec), { force: true });
  return { stopped: true, pid, ms: Date.now() - t0 };
}
