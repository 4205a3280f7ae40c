#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout (tsx registers the loader), so
// `npx papergraph` works without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
