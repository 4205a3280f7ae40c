#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout (tsx registers the loader), so
// `npx papergraph` works without a build step.
import { spawn } from 'node:child_process';

// Ingest makes short-lived objects by the million (tokens, candidate phrases, evidence), and V8's
// default young generation promotes many of them before they die: a larger one took 100,000
// papers from 79 s to 70 s. The size can only be set when Node starts, so the heavy commands start
// themselves again with it, unless it is already set.
const HEAVY = new Set(['ingest', 'map', 'demo']);
const SEMI_SPACE = '--max-semi-space-size';
const alreadySet = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.startsWith(SEMI_SPACE));

if (HEAVY.has(process.argv[2]) && !alreadySet) {
  const child = spawn(process.execPath, [`${SEMI_SPACE}=64`, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  // Ctrl-C reaches the child from the terminal; a signal sent to this process alone is passed on.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
}
