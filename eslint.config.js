import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const EDGES = ['**/cli/**', '**/server/**', '**/store/**', '**/web/**', '**/pipeline.ts'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'graph/server/target/', 'coverage/', '.papergraph/', 'scratch/', 'test/e2e/screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', performance: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', window: 'readonly', document: 'readonly', fetch: 'readonly', structuredClone: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', AbortController: 'readonly', Blob: 'readonly', navigator: 'readonly', requestAnimationFrame: 'readonly', cancelAnimationFrame: 'readonly', localStorage: 'readonly', HTMLElement: 'readonly', queueMicrotask: 'readonly', globalThis: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Imports run one way: edges (cli, server, store, web) may use the core, never the reverse, and
  // the browser code never reaches into the server.
  {
    files: ['src/{model,readers,merge,extract,resolve,assemble,analyze,cypher}/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: EDGES, message: 'the core (model, readers, merge, extract, resolve, assemble, analyze, cypher) must not import an edge (cli, server, store, web)' }] }] },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/cli/**', '**/store/**', 'node:*'], message: 'the explorer runs in the browser: no server, CLI, store or Node imports' }] }] },
  },
);
