/** The little of Gherkin the openCypher TCK uses: scenarios (and outlines with examples), steps, doc strings and tables. */
export interface Step {
  keyword: string;
  text: string;
  doc?: string;
  table?: string[][];
}

export interface Scenario {
  feature: string;
  name: string;
  file: string;
  line: number;
  steps: Step[];
}

function cells(line: string): string[] {
  const t = line.trim();
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (let i = 1; i < t.length; i++) {
    const c = t[i]!;
    if (quote) {
      if (c === '\\' && i + 1 < t.length) {
        cur += c + t[++i];
        continue;
      }
      if (c === quote) quote = null;
      cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      cur += c;
    } else if (c === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  return out;
}

export function parseFeature(text: string, file: string): Scenario[] {
  const lines = text.split('\n');
  let feature = '';
  const out: Scenario[] = [];
  let current: (Scenario & { outline: boolean; examples: string[][] }) | null = null;
  let inExamples = false;
  let background: Step[] | null = null;
  const flush = () => {
    if (!current) return;
    if (current.steps === background) {
      current = null;
      return;
    }
    if (!current.outline) out.push(current);
    else {
      const [head, ...rows] = current.examples;
      rows.forEach((row, i) => {
        const sub = (s: string) => s.replace(/<([A-Za-z0-9_]+)>/g, (m, k: string) => (head!.includes(k) ? row[head!.indexOf(k)]! : m));
        out.push({ ...current!, name: `${current!.name} (example ${i + 1})`, steps: current!.steps.map((s) => ({ ...s, text: sub(s.text), doc: s.doc === undefined ? undefined : sub(s.doc), table: s.table?.map((r) => r.map(sub)) })) });
      });
    }
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.trim();
    if (t.startsWith('#') || t === '') continue;
    if (t.startsWith('Feature:')) feature = t.slice(8).trim();
    else if (t.startsWith('Scenario Outline:') || t.startsWith('Scenario:')) {
      flush();
      const outline = t.startsWith('Scenario Outline:');
      current = { feature, name: t.slice(outline ? 17 : 9).trim(), file, line: i + 1, steps: [...(background ?? [])], outline, examples: [] };
      inExamples = false;
    } else if (t.startsWith('Background:')) {
      flush();
      background = [];
      current = { feature, name: 'Background', file, line: i + 1, steps: background, outline: false, examples: [] };
    } else if (t.startsWith('Examples:')) inExamples = true;
    else if (!current) continue;
    else if (t.startsWith('"""')) {
      const indent = line.indexOf('"""');
      const body: string[] = [];
      while (!lines[++i]!.trim().startsWith('"""')) body.push(lines[i]!.slice(indent));
      current.steps[current.steps.length - 1]!.doc = body.join('\n');
    } else if (t.startsWith('|')) {
      if (inExamples) current.examples.push(cells(t));
      else {
        const step = current.steps[current.steps.length - 1]!;
        (step.table ??= []).push(cells(t));
      }
    } else {
      const m = /^(Given|When|Then|And|But)\s+(.*)$/.exec(t);
      if (m) current.steps.push({ keyword: m[1]!, text: m[2]! });
    }
  }
  flush();
  return out;
}
