/**
 * The one entry point the ingest calls: paths in, papers and diagnostics out. Expands folders,
 * opens each file (input.ts), picks its reader by content (or `--format`), and turns every failure
 * (missing path, unusable file, unknown format, a reader's stream error such as a truncated gzip)
 * into one Diagnostic naming the file, then goes on with the next file.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic, ReadItem } from '../model/paper.ts';
import { decodeHead } from './decode.ts';
import { openInput, type OpenedInput } from './input.ts';
import type { Reader } from './reader.ts';
import { READERS } from './formats.ts';

export { READERS };

/** Format names in sniffing order, for `--format` and the CLI help. */
export const FORMAT_NAMES: readonly string[] = READERS.map((r) => r.name);

/** `name  description` lines for the CLI help. */
export function formatHelp(): string {
  const width = Math.max(...READERS.map((r) => r.name.length));
  return READERS.map((r) => `  ${r.name.padEnd(width)}  ${r.description}`).join('\n');
}

export class UnknownFormatError extends Error {
  constructor(readonly format: string) {
    super(`unknown format "${format}"; known formats: ${FORMAT_NAMES.join(', ')}`);
  }
}

export function readerByName(name: string): Reader {
  const r = READERS.find((x) => x.name === name);
  if (!r) throw new UnknownFormatError(name);
  return r;
}

/** The first reader whose sniffer accepts the head, in registry order (specific formats first). */
export function detectFormat(head: string, file: string): Reader | undefined {
  return READERS.find((r) => r.sniff(head, file));
}

export interface ReadInputsOptions {
  /** Force one reader for every file (`--format`). */
  format?: string;
  /** Field mapping for the generic readers (`--map title=Title`). */
  map?: Record<string, string>;
  /** Called with bytes read across all inputs so far and their total size on disk. */
  onProgress?(bytesRead: number, totalBytes: number, file: string): void;
  /** Called once per file when its reader is chosen (for a "reading x.jsonl as arxiv-jsonl" line). */
  onFile?(file: string, format: string): void;
}

type Expanded = { file: string; size: number } | { diagnostic: Diagnostic };

/** Files of a folder, recursively, sorted by name so runs are repeatable; dotfiles and dot-folders skipped. */
async function* walk(dir: string, seen: Set<string> = new Set()): AsyncGenerator<Expanded> {
  // A symlink back up the tree would recurse forever: visit each real folder once.
  const real = await realpath(dir).catch(() => dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    const st = await stat(full).catch(() => null);
    if (st?.isDirectory()) yield* walk(full, seen);
    else yield { file: full, size: st?.size ?? 0 };
  }
}

export async function expandPaths(paths: string[]): Promise<Expanded[]> {
  const out: Expanded[] = [];
  for (const p of paths) {
    const st = await stat(p).catch(() => null);
    if (st?.isDirectory()) {
      const before = out.length;
      for await (const e of walk(p)) out.push(e);
      if (out.length === before) {
        out.push({ diagnostic: { file: p, severity: 'error', message: 'folder holds no files (dotfiles are skipped); expected paper metadata files' } });
      }
    } else {
      // Missing paths are reported by openInput, in input order.
      out.push({ file: p, size: st?.size ?? 0 });
    }
  }
  return out;
}

function describeStreamError(err: unknown, input: OpenedInput): string {
  const e = err as NodeJS.ErrnoException;
  if (input.gzip && (e.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message ?? ''))) {
    return `truncated gzip: the compressed stream ends early (after byte ${input.bytesRead()} of ${input.size}); expected a complete .gz file. Records before that point were kept`;
  }
  if (input.gzip && (e.code === 'Z_DATA_ERROR' || e.code === 'Z_STREAM_ERROR')) {
    return `corrupt gzip data near byte ${input.bytesRead()} (${e.message}); expected a valid .gz file. Records before that point were kept`;
  }
  return `reading stopped: ${e.message ?? String(err)}`;
}

export async function* readInputs(paths: string[], opts: ReadInputsOptions = {}): AsyncGenerator<ReadItem> {
  const forced = opts.format ? readerByName(opts.format) : undefined;
  const files = await expandPaths(paths);
  const total = files.reduce((s, f) => s + ('size' in f ? f.size : 0), 0);
  let done = 0;
  for (const entry of files) {
    if ('diagnostic' in entry) {
      yield { kind: 'diagnostic', diagnostic: entry.diagnostic };
      continue;
    }
    const warnings: Diagnostic[] = [];
    const opened = await openInput(entry.file, {
      onWarning: (w) => warnings.push({ file: entry.file, line: w.line, offset: w.offset, message: w.message, severity: 'warning' }),
      onProgress: (read) => opts.onProgress?.(done + read, total, entry.file),
    });
    if (!opened.ok) {
      yield { kind: 'diagnostic', diagnostic: opened.diagnostic };
      done += entry.size;
      continue;
    }
    const input = opened.input;
    const head = decodeHead(input.head);
    const reader = forced ?? detectFormat(head, input.file);
    if (!reader) {
      const start = head.trimStart().slice(0, 40).replace(/\s+/g, ' ').trim();
      yield {
        kind: 'diagnostic',
        diagnostic: {
          file: input.file,
          severity: 'error',
          message: `not a known format (starts with "${start}"); expected one of ${FORMAT_NAMES.join(', ')}; use --format to force one`,
        },
      };
      done += entry.size;
      continue;
    }
    opts.onFile?.(input.file, reader.name);
    let papers = 0;
    let problems = 0;
    try {
      for await (const item of reader.read(input, { map: opts.map })) {
        // Decoding warnings surface as soon as the stream has found them, before the next record.
        while (warnings.length > 0) yield { kind: 'diagnostic', diagnostic: warnings.shift()! };
        if (item.kind === 'paper') papers++;
        else problems++;
        yield item;
      }
    } catch (err) {
      problems++;
      yield { kind: 'diagnostic', diagnostic: { file: input.file, offset: input.bytesRead(), severity: 'error', message: describeStreamError(err, input) } };
    }
    while (warnings.length > 0) yield { kind: 'diagnostic', diagnostic: warnings.shift()! };
    if (papers === 0 && problems === 0) {
      yield { kind: 'diagnostic', diagnostic: { file: input.file, severity: 'error', message: `no papers found; read as ${reader.name} (${reader.description})` } };
    }
    done += entry.size;
    opts.onProgress?.(done, total, input.file);
  }
}
