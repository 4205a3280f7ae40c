/** Shared helpers for the reader tests: where the shared data lives, and collecting a read. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, PaperRecord, ReadItem } from '../../src/model/paper.ts';
import { readInputs, type ReadInputsOptions } from '../../src/readers/registry.ts';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SHARED = resolve(REPO_ROOT, '..', 'shared');
export const FIXTURES = resolve(REPO_ROOT, 'test', 'fixtures', 'formats');

export function shared(...parts: string[]): string {
  return join(SHARED, ...parts);
}
export function fixture(name: string): string {
  return join(FIXTURES, name);
}
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'pg-readers-'));
}

export interface Collected {
  papers: PaperRecord[];
  diagnostics: Diagnostic[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

export async function collect(items: AsyncIterable<ReadItem>): Promise<Collected> {
  const papers: PaperRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for await (const it of items) {
    if (it.kind === 'paper') papers.push(it.paper);
    else diagnostics.push(it.diagnostic);
  }
  return {
    papers,
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === 'error'),
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
  };
}

export function readAll(paths: string[], opts: ReadInputsOptions = {}): Promise<Collected> {
  return collect(readInputs(paths, opts));
}
