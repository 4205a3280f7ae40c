/**
 * TCK result cells and engine values as one canonical text, so they compare as strings: labels
 * and map keys sorted, floats always with a decimal point, strings JSON-quoted.
 */
import { type Value, isMap, isNode, isPath, isRel } from '../../src/cypher/graph-store.ts';

export function float(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (Number.isInteger(x)) return Object.is(x, -0) ? '-0.0' : `${x}.0`;
  return String(x);
}

const props = (entries: [string, string][]) => (entries.length ? ` {${entries.sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `${k}: ${v}`).join(', ')}}` : '');

export function render(v: Value, unorderedLists = false): string {
  const r = (x: Value) => render(x, unorderedLists);
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return float(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) {
    const items = v.map(r);
    return `[${(unorderedLists ? items.sort() : items).join(', ')}]`;
  }
  if (isNode(v)) return `(${[...v.labels].sort().map((l) => `:${l}`).join('')}${props(Object.entries(v.props).map(([k, x]) => [k, r(x)]))})`;
  if (isRel(v)) return `[:${v.type}${props(Object.entries(v.props).map(([k, x]) => [k, r(x)]))}]`;
  if (isPath(v)) {
    let s = `<${r(v.nodes[0]!)}`;
    v.rels.forEach((rel, i) => {
      s += rel.start === v.nodes[i] && rel.end === v.nodes[i + 1] ? `-${r(rel)}->` : `<-${r(rel)}-`;
      s += r(v.nodes[i + 1]!);
    });
    return `${s}>`;
  }
  if (isMap(v)) return `{${Object.entries(v).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, x]) => `${k}: ${r(x)}`).join(', ')}}`;
  return String(v);
}

/** Parses a TCK cell (`(:A {name: 'a'})`, `[1, 2.0]`, `<(:A)-[:T]->()>`, ...) into the canonical text. */
export function canonical(text: string, unorderedLists = false): string {
  let i = 0;
  const s = text.trim();
  const ws = () => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const expect = (c: string) => {
    ws();
    if (s[i] !== c) throw new Error(`expected "${c}" at ${i} in ${s}`);
    i++;
  };
  const name = (): string => {
    ws();
    if (s[i] === '`') {
      const end = s.indexOf('`', i + 1);
      const n = s.slice(i + 1, end);
      i = end + 1;
      return n;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
    if (!m) throw new Error(`expected a name at ${i} in ${s}`);
    i += m[0].length;
    return m[0];
  };
  const mapBody = (): [string, string][] => {
    expect('{');
    const out: [string, string][] = [];
    ws();
    while (s[i] !== '}') {
      const k = name();
      expect(':');
      out.push([k, value()]);
      ws();
      if (s[i] === ',') i++;
      ws();
    }
    i++;
    return out;
  };
  const node = (): string => {
    expect('(');
    const labels: string[] = [];
    ws();
    while (s[i] === ':') {
      i++;
      labels.push(name());
      ws();
    }
    const p = s[i] === '{' ? mapBody() : [];
    expect(')');
    return `(${labels.sort().map((l) => `:${l}`).join('')}${props(p)})`;
  };
  const rel = (): string => {
    expect('[');
    expect(':');
    const t = name();
    ws();
    const p = s[i] === '{' ? mapBody() : [];
    expect(']');
    return `[:${t}${props(p)}]`;
  };
  const value = (): string => {
    ws();
    const c = s[i];
    if (c === "'") {
      let out = '';
      i++;
      while (s[i] !== "'") {
        if (s[i] === '\\') i++;
        out += s[i++];
      }
      i++;
      return JSON.stringify(out);
    }
    if (c === '[') {
      if (/^\[\s*:/.test(s.slice(i))) return rel();
      i++;
      const items: string[] = [];
      ws();
      while (s[i] !== ']') {
        items.push(value());
        ws();
        if (s[i] === ',') i++;
        ws();
      }
      i++;
      return `[${(unorderedLists ? items.sort() : items).join(', ')}]`;
    }
    if (c === '{') return `{${mapBody().sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
    if (c === '(') return node();
    if (c === '<') {
      i++;
      let out = `<${node()}`;
      ws();
      while (s[i] !== '>') {
        if (s[i] === '<') {
          expect('<');
          expect('-');
          const r = rel();
          expect('-');
          out += `<-${r}-`;
        } else {
          expect('-');
          const r = rel();
          expect('-');
          expect('>');
          out += `-${r}->`;
        }
        out += node();
        ws();
      }
      i++;
      return `${out}>`;
    }
    const m = /^(null|true|false|NaN|-?Inf(inity)?|-?\d+\.\d*(e[+-]?\d+)?|-?\.\d+(e[+-]?\d+)?|-?\d+e[+-]?\d+|-?0x[0-9a-fA-F]+|-?\d+)/i.exec(s.slice(i));
    if (!m) throw new Error(`cannot read a value at ${i} in ${s}`);
    i += m[0].length;
    const t = m[0];
    if (/^(null|true|false)$/.test(t)) return t;
    if (/^-?Inf/i.test(t)) return t.startsWith('-') ? '-Inf' : 'Inf';
    if (t === 'NaN') return 'NaN';
    if (/^-?(0x)?\d+$/i.test(t) && !/[.e]/i.test(t)) return String(BigInt(t.replace(/^-0x/i, '-0x')));
    return float(Number(t));
  };
  const out = value();
  ws();
  if (i !== s.length) throw new Error(`unexpected "${s.slice(i)}" in ${s}`);
  return out;
}
