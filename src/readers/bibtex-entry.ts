/**
 * One BibTeX entry's text ("@type{key, f = v, ...}") parsed into its fields: values in braces,
 * quotes, numbers, @string macros (and the month names), joined with #. Macros expand by copying,
 * so a few lines of macros that double at each level would grow without end: each value and the
 * macro table as a whole have a size cap, and a macro refused for its size poisons every value
 * that uses it.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Longest value after macro expansion: far more than an abstract or a 3,000-author list. */
export const MAX_VALUE_CHARS = 256 * 1024;
/** Most characters all @string macros of a file may hold together. */
export const MAX_MACRO_CHARS = 4 * 1024 * 1024;

export interface BibEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
  line: number;
}

/** A file's @string macros, within MAX_MACRO_CHARS; names refused for their size are remembered. */
export class Macros {
  private readonly values = new Map<string, string>();
  private readonly refused = new Map<string, number>();
  private chars = 0;

  /** The macro's text; throws BibSyntaxError for a macro that was refused. */
  expand(name: string): string | undefined {
    const line = this.refused.get(name);
    if (line !== undefined) throw new BibSyntaxError(`uses the @string macro "${name}", which was refused at line ${line}`);
    return this.values.get(name);
  }

  define(name: string, value: string): void {
    this.chars += value.length - (this.values.get(name)?.length ?? 0);
    this.values.set(name, value);
    this.refused.delete(name);
    if (this.chars > MAX_MACRO_CHARS) {
      this.values.delete(name);
      this.chars -= value.length;
      throw new BibSyntaxError(`the @string macros of this file hold more than ${MAX_MACRO_CHARS} characters; expected macros of a sensible size`);
    }
  }

  refuse(name: string, line: number): void {
    this.values.delete(name);
    this.refused.set(name, line);
  }
}

export class BibSyntaxError extends Error {}

/** Parses the text of one entry ("@type{key, f = v, ...}"); throws BibSyntaxError with what was expected. */
export function parseEntry(text: string, line: number, macros: Macros): BibEntry {
  let i = 0;
  const s = text;
  const ws = (): void => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const m = /^\s*@([a-zA-Z]+)\s*([{(])/.exec(s);
  if (!m) throw new BibSyntaxError('expected "@type{"');
  const type = m[1]!.toLowerCase();
  const close = m[2] === '{' ? '}' : ')';
  i = m[0].length;
  ws();
  let key = '';
  if (type !== 'string') {
    const k = /^[^,\s{}()]*/.exec(s.slice(i))![0];
    key = k;
    i += k.length;
    ws();
    if (s[i] === close) return { type, key, fields: {}, line };
    if (s[i] !== ',') throw new BibSyntaxError(`expected "," after the key "${key}"`);
    i++;
  }
  const braced = (): string => {
    // s[i] === '{'
    let depth = 0;
    const start = i;
    for (; i < s.length; i++) {
      if (s[i] === '\\') {
        i++;
        continue;
      }
      if (s[i] === '{') depth++;
      else if (s[i] === '}' && --depth === 0) {
        i++;
        return s.slice(start + 1, i - 1);
      }
    }
    throw new BibSyntaxError('unbalanced braces in a value; expected "}"');
  };
  const quoted = (): string => {
    let depth = 0;
    const start = ++i;
    for (; i < s.length; i++) {
      const c = s[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '"' && depth === 0) {
        i++;
        return s.slice(start, i - 1);
      }
    }
    throw new BibSyntaxError('unterminated quoted value; expected a closing \'"\'');
  };
  const value = (field: string): string => {
    const parts: string[] = [];
    let size = 0;
    for (;;) {
      ws();
      const c = s[i];
      if (c === '{') parts.push(braced());
      else if (c === '"') parts.push(quoted());
      else {
        const tok = /^[^\s,#{}()"=]+/.exec(s.slice(i))?.[0];
        if (!tok) throw new BibSyntaxError(`expected a value for field "${field}"`);
        i += tok.length;
        const lower = tok.toLowerCase();
        parts.push(/^\d+$/.test(tok) ? tok : (macros.expand(lower) ?? (MONTHS.includes(lower) ? String(MONTHS.indexOf(lower) + 1) : tok)));
      }
      size += parts.at(-1)!.length;
      if (size > MAX_VALUE_CHARS) throw new BibSyntaxError(`the value of field "${field}" expands to more than ${MAX_VALUE_CHARS} characters (@string macros joined with #?); expected a value of a sensible size`);
      ws();
      if (s[i] !== '#') return parts.join('');
      i++;
    }
  };
  const fields: Record<string, string> = {};
  for (;;) {
    ws();
    while (s[i] === ',') {
      i++;
      ws();
    }
    if (s[i] === close) break;
    if (i >= s.length) throw new BibSyntaxError(`expected "${close}" to close the entry`);
    const name = /^[^\s=,{}()"#]+/.exec(s.slice(i))?.[0];
    if (!name) throw new BibSyntaxError(`expected a field name, found "${s.slice(i, i + 15).split('\n')[0]}"`);
    i += name.length;
    ws();
    if (s[i] !== '=') throw new BibSyntaxError(`expected "=" after field name "${name}"`);
    i++;
    fields[name.toLowerCase()] = value(name);
  }
  return { type, key, fields, line };
}
