/** +, -, *, /, %, ^ over Cypher values: integers stay integers (64-bit), a decimal makes a decimal. */
import type { Value } from './graph-store.ts';
import { CypherError, typeError } from './errors.ts';
import { toStringValue } from './functions.ts';
import { isNumber, typeName } from './values.ts';

const MAX = 9223372036854775807n;

function checked(v: bigint): bigint {
  if (v > MAX || v < -MAX - 1n) throw new CypherError('type', 'integer overflow');
  return v;
}

export function arithmetic(op: string, a: Value, b: Value): Value {
  if (a === null || b === null) return null;
  if (op === '+') {
    if (Array.isArray(a)) return Array.isArray(b) ? [...a, ...b] : [...a, b];
    if (Array.isArray(b)) return [a, ...b];
    if (typeof a === 'string' || typeof b === 'string') {
      if ((typeof a === 'string' || isNumber(a)) && (typeof b === 'string' || isNumber(b))) return `${toStringValue(a)}${toStringValue(b)}`;
    }
  }
  if (!isNumber(a) || !isNumber(b)) throw typeError(`cannot apply ${op} to ${typeName(a)} and ${typeName(b)}`);
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    switch (op) {
      case '+':
        return checked(a + b);
      case '-':
        return checked(a - b);
      case '*':
        return checked(a * b);
      case '/':
        if (b === 0n) throw new CypherError('type', '/ by zero');
        return a / b;
      case '%':
        if (b === 0n) throw new CypherError('type', '/ by zero');
        return a % b;
      case '^':
        return Number(a) ** Number(b);
    }
  }
  const x = Number(a);
  const y = Number(b);
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    case '%':
      return x % y;
    default:
      return x ** y;
  }
}
