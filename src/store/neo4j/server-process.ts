/**
 * Finding the bundled server's process, and making sure a pid is that process before it gets a
 * signal: a pid file outlives reboots and crashes, and its number may by then belong to anything.
 * A pid counts as our server only when its command line runs Neo4j's entry point from this
 * checkout's jars on this home (Linux /proc, else `ps`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SERVER_MAIN_CLASS = 'org.neo4j.server.CommunityEntryPoint';

export interface ServerIdentity {
  home: string;
  libDir: string;
}

export const pidFile = (spec: ServerIdentity): string => join(spec.home, 'neo4j.pid');

/** True while a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A process's arguments, or undefined when it is gone (or cannot be read). */
export function commandLine(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    if (process.platform === 'linux') return undefined;
  }
  try {
    // Without /proc the arguments come joined by spaces; good enough for the checks below.
    return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim().split(/\s+/);
  } catch {
    return undefined;
  }
}

/** Whether these arguments start the bundled server of exactly this home from exactly these jars. */
export function isServerCommand(args: string[], spec: ServerIdentity): boolean {
  const cp = args.indexOf('-cp');
  return args.includes(SERVER_MAIN_CLASS) && args.includes(`--home-dir=${spec.home}`) && cp !== -1 && args[cp + 1] === `${spec.libDir}/*`;
}

export function isOurServer(pid: number, spec: ServerIdentity): boolean {
  const args = commandLine(pid);
  return args !== undefined && isServerCommand(args, spec);
}

/** The server's pid: from the pid file when that pid really is our server, else found among the processes. */
export function runningPid(spec: ServerIdentity): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile(spec), 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && isOurServer(pid, spec)) return pid;
  } catch {
    /* no pid file: look for the process itself */
  }
  return serverProcessOf(spec);
}

function serverProcessOf(spec: ServerIdentity): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
  return entries.map(Number).find((pid) => isOurServer(pid, spec));
}

/** Sends a signal only when the pid is still our server; false when it was not (or is gone). */
export function signalServer(pid: number, spec: ServerIdentity, signal: NodeJS.Signals): boolean {
  if (!isOurServer(pid, spec)) return false;
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** A process's resident memory in bytes (Linux), for benchmarks. */
export function residentBytes(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
