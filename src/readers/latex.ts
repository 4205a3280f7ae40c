/**
 * LaTeX as it appears in paper metadata (BibTeX fields, arXiv titles and abstracts) turned into
 * plain readable Unicode: accents ({\"o}, \'e), special letters (\ss, \o), text commands
 * (\emph{x} -> x), dashes and quotes, and inline math ($\alpha$-divergence -> α-divergence,
 * $O(n^2)$ -> O(n^2)). Unknown commands keep their argument and lose the backslash, so nothing a
 * reader could want disappears.
 */

const ACCENTS: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a', d: '\u0323', b: '\u0331',
};

const LETTERS: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ',
};

/** Math-mode symbols, also accepted outside math. */
const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ',
  tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ',
  Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', ell: 'ℓ',
  leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '~', simeq: '≃', equiv: '≡',
  times: '×', cdot: '·', pm: '±', mp: '∓', div: '÷', infty: '∞', in: '∈', notin: '∉', subset: '⊂',
  subseteq: '⊆', cup: '∪', cap: '∩', forall: '∀', exists: '∃', partial: '∂', nabla: '∇', sum: 'Σ', prod: 'Π',
  int: '∫', to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', leftrightarrow: '↔', mapsto: '↦',
  ll: '≪', gg: '≫', propto: '∝', circ: '∘', star: '⋆', ast: '∗', dots: '…', ldots: '…', cdots: '⋯',
  log: 'log', exp: 'exp', min: 'min', max: 'max', arg: 'arg', sup: 'sup', inf: 'inf', lim: 'lim', sqrt: '√',
  S: '§', P: '¶', dag: '†', ddag: '‡', copyright: '©', textregistered: '®', texttrademark: '™', euro: '€',
  pounds: '£', textdegree: '°', degree: '°', prime: '′', langle: '⟨', rangle: '⟩', lfloor: '⌊', rfloor: '⌋',
  lceil: '⌈', rceil: '⌉', neg: '¬', land: '∧', lor: '∨', wedge: '∧', vee: '∨', top: '⊤', bot: '⊥',
  textendash: '–', textemdash: '—', textquoteleft: '‘', textquoteright: '’', textbackslash: '\\',
  LaTeX: 'LaTeX', TeX: 'TeX', '%': '%', '&': '&', '$': '$', '#': '#', _: '_', '{': '{', '}': '}', ' ': ' ',
  ',': ' ', ';': ' ', ':': ' ', '!': '', quad: ' ', qquad: ' ',
};

const DOUBLE_STRUCK: Record<string, string> = { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', E: '𝔼', P: 'ℙ' };

/** Commands that only style or wrap their argument: the argument is the content. */
const WRAPPERS = new Set([
  'emph', 'textbf', 'textit', 'textsc', 'texttt', 'textrm', 'textsf', 'textsl', 'textup', 'textnormal', 'text',
  'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathscr', 'mathfrak', 'boldsymbol', 'bm',
  'operatorname', 'mbox', 'hbox', 'url', 'uppercase', 'lowercase', 'MakeUppercase', 'MakeLowercase',
  'underline', 'overline', 'hat', 'tilde', 'bar', 'vec', 'widehat', 'widetilde', 'dot', 'ddot', 'noopsort',
  'protect', 'ensuremath', 'textsuperscript', 'textsubscript', 'enquote', 'cite', 'citep', 'citet', 'ref',
]);
/** Spacing and sizing commands that carry no content. */
const DROPPED = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'displaystyle', 'textstyle', 'limits', 'nolimits', 'relax', 'noindent', 'newblock', 'par', 'xspace', 'normalfont', 'em', 'bf', 'it', 'rm', 'sc', 'tt', 'sf', 'small', 'footnotesize', 'large', 'Large']);

/** Deeper nesting than any real title or abstract: beyond it the text is refused, not decoded. */
export const MAX_LATEX_DEPTH = 64;

export class LatexTooDeepError extends Error {
  constructor() {
    super(`LaTeX nested more than ${MAX_LATEX_DEPTH} levels deep; expected plain text with a few commands`);
  }
}

/** Reads a brace group or a single token starting at i; returns its content and the next index. */
function argument(s: string, i: number): { arg: string; next: number } | null {
  while (s[i] === ' ') i++;
  if (i >= s.length) return null;
  if (s[i] === '{') {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      if (s[j] === '\\') {
        j++;
        continue;
      }
      if (s[j] === '{') depth++;
      else if (s[j] === '}' && --depth === 0) return { arg: s.slice(i + 1, j), next: j + 1 };
    }
    return { arg: s.slice(i + 1), next: s.length };
  }
  if (s[i] === '\\') {
    const m = /^\\([a-zA-Z]+|.)/.exec(s.slice(i));
    return m ? { arg: m[0], next: i + m[0].length } : null;
  }
  return { arg: s[i]!, next: i + 1 };
}

function accent(mark: string, base: string, depth: number): string {
  const letter = base === '\\i' ? 'i' : base === '\\j' ? 'j' : convert(base, false, depth + 1);
  return (letter + mark).normalize('NFC');
}

/** Converts LaTeX to text; braces that only protect case are removed. */
function convert(s: string, math: boolean, depth = 0): string {
  // Each level rescans its argument, so depth bounds the work as well as the stack.
  if (depth > MAX_LATEX_DEPTH) throw new LatexTooDeepError();
  const inner = (text: string, m: boolean) => convert(text, m, depth + 1);
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\\') {
      const m = /^\\([a-zA-Z]+|.)/.exec(s.slice(i));
      if (!m) {
        i++;
        continue;
      }
      const name = m[1]!;
      let next = i + m[0].length;
      // Letter accents (\c, \v, ...) only match when not part of a longer name: the regex took it all.
      if (name in ACCENTS && !math) {
        const a = argument(s, next);
        if (a) {
          out += accent(ACCENTS[name]!, a.arg, depth);
          i = a.next;
          continue;
        }
      }
      // A letter command eats the spaces after it ("\ss e" -> "ße"); a symbol command does not.
      if (/^[a-zA-Z]/.test(name)) while (s[next] === ' ' && !(name in SYMBOLS && math)) next++;
      if (name in LETTERS) out += LETTERS[name];
      else if (name === 'mathbb' || name === 'mathbbm') {
        const a = argument(s, next);
        if (a) {
          out += [...a.arg].map((c) => DOUBLE_STRUCK[c] ?? c).join('');
          next = a.next;
        }
      } else if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
        const a = argument(s, next);
        const b = a ? argument(s, a.next) : null;
        if (a && b) {
          const wrap = (x: string): string => (/^[\w.]+$/.test(x) ? x : `(${x})`);
          out += `${wrap(inner(a.arg, true))}/${wrap(inner(b.arg, true))}`;
          next = b.next;
        }
      } else if (name === 'sqrt') {
        const a = argument(s, next);
        if (a) {
          const body = inner(a.arg, true);
          out += [...body].length > 1 ? `√(${body})` : `√${body}`;
          next = a.next;
        }
      } else if (name in SYMBOLS) {
        out += SYMBOLS[name];
        if (/^[a-zA-Z]/.test(name) && /^[a-zA-Z]/.test(s[next] ?? '') && !math) out += ' ';
      } else if (WRAPPERS.has(name)) {
        const a = argument(s, next);
        if (a && s[next] === '{') {
          out += inner(a.arg, math);
          next = a.next;
        }
      } else if (!DROPPED.has(name)) {
        out += name; // unknown command: keep its name readable, drop the backslash
      }
      i = next;
      continue;
    }
    if (ch === '{' || ch === '}') {
      i++;
      continue;
    }
    if (!math && ch === '$') {
      const dbl = s[i + 1] === '$';
      const close = s.indexOf(dbl ? '$$' : '$', i + (dbl ? 2 : 1));
      if (close !== -1 && close - i < 400) {
        out += inner(s.slice(i + (dbl ? 2 : 1), close), true);
        i = close + (dbl ? 2 : 1);
        continue;
      }
    }
    if (!math && ch === '-' && s.startsWith('---', i)) {
      out += '—';
      i += 3;
      continue;
    }
    if (!math && ch === '-' && s.startsWith('--', i)) {
      out += '–';
      i += 2;
      continue;
    }
    if (!math && ch === '`' && s[i + 1] === '`') {
      out += '“';
      i += 2;
      continue;
    }
    if (!math && ch === "'" && s[i + 1] === "'") {
      out += '”';
      i += 2;
      continue;
    }
    if (math && (ch === '^' || ch === '_') && s[i + 1] === '{') {
      // Keep the grouping readable: H^{p,q} -> H^(p,q), x_{i} -> x_i.
      const a = argument(s, i + 1)!;
      const body = inner(a.arg, true);
      out += ch + ([...body].length > 1 ? `(${body})` : body);
      i = a.next;
      continue;
    }
    if (ch === '~' && s[i - 1] !== '/') {
      // A non-breaking space; "~/" and "/~user" in URLs stay.
      out += ' ';
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Full LaTeX decoding, for BibTeX fields and arXiv metadata. Whitespace collapsed. */
export function decodeLatex(text: string): string {
  return convert(text, false).replace(/\s+/g, ' ').trim();
}

/**
 * Only inline math made readable ($\alpha$ -> α), for sources that are plain text but quote LaTeX
 * math (OpenAlex, Semantic Scholar, generic JSON): their backslashes outside math are left alone.
 */
export function readableMath(text: string): string {
  return text.replace(/(?<!\\)\$\$?((?:\\.|[^$\\\n]){1,300}?)\$\$?/g, (whole, body: string) =>
    /[\\^_{}]/.test(body) || /^[A-Za-z]$/.test(body) ? convert(body, true) : whole,
  );
}
