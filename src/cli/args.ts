import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.ts';

/** A command's flags, declared as node:util's parseArgs takes them; `multiple: true` makes a flag repeatable. */
export type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util's parseArgs, strict (an undeclared flag is an error, not a silent no-op) and with
 * positionals allowed. Values are typed from the declaration, so call sites need no casts.
 * A bad command line becomes a UsageError: one line, exit code 2.
 */
export function parseCommandArgs<const T extends FlagOptions>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(usageMessage(err as NodeJS.ErrnoException));
  }
}

/** node's messages explain its own syntax at length; the first sentence is the part a user needs. */
function usageMessage(err: NodeJS.ErrnoException): string {
  const first = err.message.split(/\.\s/)[0]!;
  return first.replace(/^Unknown option/, 'unknown option').replace(/^Option/, 'option');
}

/** A flag's value as a whole number of at least `min`, or undefined when the flag was not given. */
export function wholeNumberFlag(value: string | undefined, flag: string, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min) {
    throw new UsageError(`--${flag} expects ${min === 1 ? 'a positive whole number' : min === 0 ? 'a whole number' : 'an integer'}, got "${value}"`);
  }
  return n;
}

/** A flag's value narrowed to one of `choices`, or undefined when the flag was not given. */
export function choiceFlag<const C extends readonly string[]>(value: string | undefined, flag: string, choices: C): C[number] | undefined {
  if (value === undefined) return undefined;
  if (!isOneOf(value, choices)) throw new UsageError(`--${flag} expects one of ${choices.join(', ')}, got "${value}"`);
  return value;
}

function isOneOf<const C extends readonly string[]>(value: string, choices: C): value is C[number] {
  return (choices as readonly string[]).includes(value);
}
