import { describe, expect, it } from 'vitest';
import { choiceFlag, parseCommandArgs, wholeNumberFlag } from '../../src/cli/args.ts';
import { UsageError } from '../../src/cli/io.ts';

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
  param: { type: 'string', multiple: true },
} as const;

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as UsageError).message;
  }
  throw new Error('expected a UsageError');
}

describe('command-line flags', () => {
  it('types values from the declaration: strings, booleans, repeated flags, short names, positionals', () => {
    const { positionals, values } = parseCommandArgs(['a.bib', '-o', 'dir', '--param', 'x=1', '--param=y=2', '-q', 'b.csv'], OPTIONS);
    expect(positionals).toEqual(['a.bib', 'b.csv']);
    expect(values).toEqual({ out: 'dir', quiet: true, param: ['x=1', 'y=2'] });
  });

  it('takes everything after -- as positionals, even when it looks like a flag', () => {
    expect(parseCommandArgs(['--', '--out', '-q'], OPTIONS).positionals).toEqual(['--out', '-q']);
  });

  it('turns a bad command line into one short usage line', () => {
    expect(usageMessage(() => parseCommandArgs(['--nope'], OPTIONS))).toBe("unknown option '--nope'");
    expect(usageMessage(() => parseCommandArgs(['--out'], OPTIONS))).toBe("option '-o, --out <value>' argument missing");
    expect(usageMessage(() => parseCommandArgs(['--quiet=yes'], OPTIONS))).toBe("option '-q, --quiet' does not take an argument");
    expect(usageMessage(() => parseCommandArgs(['--out', '--quiet'], OPTIONS))).toMatch(/^option '(-o, )?--out' argument is ambiguous$/);
  });

  it('checks whole numbers and choices, naming the flag and the value', () => {
    expect(wholeNumberFlag(undefined, 'max')).toBeUndefined();
    expect(wholeNumberFlag('12', 'max')).toBe(12);
    expect(wholeNumberFlag('0', 'since', 0)).toBe(0);
    expect(usageMessage(() => wholeNumberFlag('0', 'batch-size'))).toBe('--batch-size expects a positive whole number, got "0"');
    expect(usageMessage(() => wholeNumberFlag('1.5', 'since', 0))).toBe('--since expects a whole number, got "1.5"');
    expect(usageMessage(() => wholeNumberFlag(' ', 'max'))).toMatch(/--max expects/);
    expect(choiceFlag('csv', 'format', ['table', 'csv'])).toBe('csv');
    expect(usageMessage(() => choiceFlag('xml', 'format', ['table', 'csv']))).toBe('--format expects one of table, csv, got "xml"');
  });
});
