import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../src/model/paper.ts';
import { normaliseAuthorName, displayAuthorName, splitAuthorList } from '../../src/readers/authors.ts';
import { decodeLatex, readableMath } from '../../src/readers/latex.ts';
import { mergePapers, normaliseTitle } from '../../src/merge/merge.ts';
import { fixture, readAll, shared } from './readers-helpers.ts';

const rec = (title: string, extra: Partial<PaperRecord> = {}, file = 'a.jsonl', line = 1): PaperRecord => ({
  title,
  abstract: extra.abstract ?? '',
  source: { file, line, format: 'jsonl' },
  ...extra,
});

describe('mergePapers', () => {
  it('merges on DOI, then arXiv id without version, then normalised title, keeping every source', () => {
    const merged = mergePapers([
      rec('Attention Is All You Need', { arxivId: '1706.03762', abstract: 'short' }, 'arxiv.xml', 10),
      rec('Attention is all you need.', { doi: '10.5555/x', abstract: 'a much longer abstract text', authors: ['A. Vaswani', 'N. Shazeer'] }, 'bib.bib', 3),
      rec('Something Else', { doi: '10.5555/x', arxivId: '1706.03762' }, 's2.json', 7),
      rec('Unrelated Paper', {}, 'x.csv', 2),
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({
      title: 'Attention Is All You Need',
      abstract: 'a much longer abstract text',
      arxivId: '1706.03762',
      doi: '10.5555/x',
      authors: ['A. Vaswani', 'N. Shazeer'],
      source: { file: 'arxiv.xml', line: 10 },
    });
    expect(merged[0]!.sources.map((s) => s.file)).toEqual(['arxiv.xml', 'bib.bib', 's2.json']);
    expect(merged[1]!.sources).toEqual([{ file: 'x.csv', line: 2, format: 'jsonl' }]);
  });

  it('never merges two papers whose identifiers disagree, even with the same title', () => {
    const merged = mergePapers([
      rec('Introduction', { doi: '10.1/a' }),
      rec('Introduction', { doi: '10.1/b' }),
      rec('Editorial', { arxivId: '2001.00001' }),
      rec('Editorial', { arxivId: '2001.00002' }),
      rec('Editorial', {}),
    ]);
    expect(merged.map((m) => [m.title, m.sources.length])).toEqual([
      ['Introduction', 1],
      ['Introduction', 1],
      ['Editorial', 2],
      ['Editorial', 1],
    ]);
  });

  it('treats an arXiv DOI as no conflict with the journal DOI of the same arXiv paper', () => {
    const merged = mergePapers([rec('BERT', { doi: '10.48550/arxiv.1810.04805', arxivId: '1810.04805' }), rec('BERT', { doi: '10.18653/v1/n19-1423', arxivId: '1810.04805' })]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.doi).toBe('10.48550/arxiv.1810.04805');
  });

  it('unions categories and is deterministic', () => {
    const input = [rec('P', { categories: ['cs.CL'] }), rec('p', { categories: ['cs.LG', 'cs.CL'] })];
    expect(mergePapers(input)).toEqual(mergePapers(input));
    expect(mergePapers(input)[0]!.categories).toEqual(['cs.CL', 'cs.LG']);
  });

  it('merges the same paper across real samples and fixtures (OAI page, corpus, Atom, OpenAlex, S2, BibTeX, CSV)', async () => {
    const { papers } = await readAll([
      shared('data', 'real-formats', 'arxiv-oai-pmh.xml'),
      shared('data', 'real-formats', 's2orc-sample.jsonl'),
      shared('corpus', 'ml-abstracts.jsonl'),
      fixture('arxiv-api.atom.xml'),
      fixture('openalex-works.json'),
      fixture('s2-search.json'),
      fixture('zotero.bib'),
      fixture('papers.csv'),
    ]);
    const merged = mergePapers(papers);
    expect(merged.length).toBeLessThan(papers.length);
    const dense = merged.find((m) => m.arxivId === '1511.04377')!;
    expect(dense.sources.map((s) => s.format)).toEqual(['arxiv-oai', 'jsonl', 'arxiv-atom']);
    const attention = merged.find((m) => m.arxivId === '1706.03762')!;
    expect(attention.sources.map((s) => s.format).sort()).toEqual(['arxiv-atom', 'bibtex', 'csv', 'openalex', 's2']);
    const dro = merged.find((m) => m.doi === '10.1109/tac.2015.2495174')!;
    expect(dro.sources.map((s) => s.format)).toEqual(['s2orc', 's2']);
  });
});

describe('normaliseTitle', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(normaliseTitle('  Gödel: Machines -- Revisited! ')).toBe(normaliseTitle('godel machines revisited'));
    expect(normaliseTitle('BERT')).not.toBe(normaliseTitle('BART'));
  });
});

describe('author names', () => {
  it('makes the spellings of one author comparable', () => {
    const key = normaliseAuthorName('Hinton, Geoffrey E.');
    expect(key).toBe('hinton g');
    for (const n of ['Geoffrey Hinton', 'G. E. Hinton', 'Geoffrey E. Hinton', 'HINTON, G.']) expect(normaliseAuthorName(n), n).toBe(key);
    expect(normaliseAuthorName('Yann LeCun')).not.toBe(key);
    expect(normaliseAuthorName('van der Maaten, Laurens')).toBe(normaliseAuthorName('Laurens van der Maaten'));
    expect(normaliseAuthorName('Müller, Jörg')).toBe(normaliseAuthorName('Jorg Muller'));
    expect(normaliseAuthorName('Smith, Jr., John')).toBe(normaliseAuthorName('John Smith Jr.'));
  });

  it('displays "Last, First" as "First Last" and splits lists without cutting names', () => {
    expect(displayAuthorName('Hinton, Geoffrey E.')).toBe('Geoffrey E. Hinton');
    expect(displayAuthorName('Geoffrey  Hinton')).toBe('Geoffrey Hinton');
    expect(splitAuthorList('Hinton, Geoffrey E.')).toEqual(['Hinton, Geoffrey E.']);
    expect(splitAuthorList('Hinton, G.; LeCun, Y.')).toEqual(['Hinton, G.', 'LeCun, Y.']);
    expect(splitAuthorList('Hinton, G. and LeCun, Y.')).toEqual(['Hinton, G.', 'LeCun, Y.']);
    expect(splitAuthorList('Geoffrey Hinton, Yann LeCun and Yoshua Bengio')).toEqual(['Geoffrey Hinton', 'Yann LeCun', 'Yoshua Bengio']);
  });
});

describe('LaTeX decoding', () => {
  it.each([
    ['G{\\"o}del and Schr\\"{o}dinger', 'Gödel and Schrödinger'],
    ["Bal\\'azs, \\c{C}a\\u{g}lar, Stra{\\ss}e, {\\o}", 'Balázs, Çağlar, Straße, ø'],
    ['\\emph{Deep} \\textbf{learning} --- a {GAN} approach -- 2010', 'Deep learning — a GAN approach – 2010'],
    ['$\\alpha$-divergence in $O(n^2)$ over $\\mathbb{R}^d$, $\\frac{1}{2}$', 'α-divergence in O(n^2) over ℝ^d, 1/2'],
    ['$H^{p,q}(R^n)$ and $x_{i}$ with $\\lambda \\geq 0$', 'H^(p,q)(R^n) and x_i with λ ≥ 0'],
    ["``quoted'' 50\\% of~$\\ell_1$", '“quoted” 50% of ℓ_1'],
    ['see http://www.cs.toronto.edu/~hinton', 'see http://www.cs.toronto.edu/~hinton'],
  ])('%s -> %s', (input, expected) => {
    expect(decodeLatex(input)).toBe(expected);
  });

  it('readableMath touches only math', () => {
    expect(readableMath('costs $5 and $6 for \\emph{x} with $\\alpha$')).toBe('costs $5 and $6 for \\emph{x} with α');
  });
});
