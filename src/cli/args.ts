import { UsageError } from './io.ts';

/** A small, strict argument parser: flags must be declared, so a typo is an error, not a silent no-op. */
export interface FlagSpec {
  /** 'boolean' flags take no value; 'string' take one; 'list' may repeat. */
  type: 'boolean' | 'string' | 'list';
  alias?: string;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | string[] | undefined>;
}

export function parseArgs(argv: string[], spec: Record<string, FlagSpec>): ParsedArgs {
  const positionals: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  const byAlias = new Map(Object.entries(spec).flatMap(([k, s]) => (s.alias ? [[s.alias, k]] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [rawName, inlineValue] = arg.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    const name = byAlias.get(rawName) ?? rawName;
    const s = spec[name];
    if (!s) throw new Error(`unknown option ${arg}`);
    if (s.type === 'boolean') {
      flags[name] = true;
      continue;
    }
    const value = inlineValue ?? argv[++i];
    if (value === undefined) throw new Error(`option --${name} needs a value`);
    if (s.type === 'list') flags[name] = [...((flags[name] as string[] | undefined) ?? []), value];
    else flags[name] = value;
  }
  return { positionals, flags };
}

/** parseArgs for a command: a bad flag is a usage error (exit code 2, one line). */
export function parseCommandArgs(argv: string[], spec: Record<string, FlagSpec>): ParsedArgs {
  try {
    return parseArgs(argv, spec);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
