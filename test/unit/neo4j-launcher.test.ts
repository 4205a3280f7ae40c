/**
 * The launcher signals only its own server: a pid file that names another live process (a real
 * child spawned here, as a stale pid after a reboot would) leaves that process alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLocalServer, localServerInfo, stopLocalServer, type LocalServerSpec } from '../../src/store/neo4j/local-server.ts';
import { alive, isServerCommand, pidFile, SERVER_MAIN_CLASS } from '../../src/store/neo4j/server-process.ts';

let other: ChildProcess;
let home: string;
let spec: LocalServerSpec;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'pg-launcher-'));
  spec = { ...defaultLocalServer({}), home };
  other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
});

afterAll(() => {
  other.kill('SIGKILL');
  rmSync(home, { recursive: true, force: true });
});

describe('the local Neo4j launcher', () => {
  it('leaves alone a live process that a stale pid file names', async () => {
    writeFileSync(pidFile(spec), `${other.pid}\n`);
    expect(alive(other.pid!)).toBe(true);
    expect(localServerInfo(spec).running).toBe(false);
    const r = await stopLocalServer(spec, { timeoutMs: 1_000 });
    expect(r.stopped).toBe(false);
    await new Promise((done) => setTimeout(done, 300));
    expect(alive(other.pid!)).toBe(true);
    expect(other.exitCode).toBeNull();
    expect(other.signalCode).toBeNull();
  });

  it('recognises only Neo4j started from these jars on this home', () => {
    const args = ['java', '-Xmx1g', '-cp', `${spec.libDir}/*`, SERVER_MAIN_CLASS, `--home-dir=${home}`, `--config-dir=${home}/conf`];
    expect(isServerCommand(args, spec)).toBe(true);
    expect(isServerCommand(args.map((a) => a.replace(home, '/elsewhere')), spec)).toBe(false);
    expect(isServerCommand(args.map((a) => a.replace(spec.libDir, '/other/checkout/lib')), spec)).toBe(false);
    expect(isServerCommand(args.filter((a) => a !== SERVER_MAIN_CLASS), spec)).toBe(false);
  });
});
