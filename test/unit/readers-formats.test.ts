/** Each reader on the real samples beside the repository and on fixtures written to each provider's schema. */
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/readers/registry.ts';
import { decodeHead } from '../../src/readers/decode.ts';
import { readFileSync } from 'node:fs';
import { fixture, readAll, shared } from './readers-helpers.ts';

const REAL = (name: string): string => shared('data', 'real-formats', name);

function sniffed(path: string): string | undefined {
  return detectFormat(decodeHead(readFileSync(path).subarray(0, 65536)), path)?.name;
}

describe('format detection by content', () => {
  it.each([
    [REAL('arxiv-oai-pmh.xml'), 'arxiv-oai'],
    [REAL('arxiv-kaggle-snapshot-head200.jsonl'), 'arxiv-jsonl'],
    [REAL('s2orc-sample.jsonl'), 's2orc'],
    [shared('corpus', 'ml-abstracts.jsonl'), 'jsonl'],
    [shared('corpus', 'trending-papers.txt'), 'trending'],
    [fixture('arxiv-api.atom.xml'), 'arxiv-atom'],
    [fixture('openalex-works.json'), 'openalex'],
    [fixture('openalex-works.jsonl'), 'openalex'],
    [fixture('s2-search.json'), 's2'],
    [fixture('s2-paper.jsonl'), 's2'],
    [fixture('zotero.bib'), 'bibtex'],
    [fixture('papers.csv'), 'csv'],
    [fixture('semicolon.csv'), 'csv'],
    [fixture('no-title-column.csv'), 'csv'],
  ])('%s is %s', (path, format) => {
    expect(sniffed(path)).toBe(format);
  });
});

describe('arXiv OAI-PMH (real page of 1,000 records)', () => {
  it('reads every record with authors, categories and year', async () => {
    const { papers, diagnostics } = await readAll([REAL('arxiv-oai-pmh.xml')]);
    expect(diagnostics).toEqual([]);
    expect(papers).toHaveLength(1000);
    expect(papers[0]).toEqual({
      title: 'Learning Dense Convolutional Embeddings for Semantic Segmentation',
      abstract: expect.stringMatching(/^This paper proposes a new deep convolutional neural network \(DCNN\) architecture that learns pixel embeddings, such that .* As such, they can be exploited for any task involving convolution layers\.$/),
      year: 2015,
      authors: ['Adam W. Harley', 'Konstantinos G. Derpanis', 'Iasonas Kokkinos'],
      arxivId: '1511.04377',
      url: 'https://arxiv.org/abs/1511.04377',
      categories: ['cs.CV'],
      source: { file: REAL('arxiv-oai-pmh.xml'), line: 6, format: 'arxiv-oai' },
    });
    // Hard-wrapped titles are joined: "...Learning to Rank\n  Techniques".
    expect(papers[1]!.title).toBe('Handling Class Imbalance in Link Prediction using Learning to Rank Techniques');
    expect(papers[1]!.categories).toEqual(['stat.ML', 'cs.LG', 'cs.SI']);
    expect(papers.at(-1)!.arxivId).toBe('1511.08842');
    expect(papers.every((p) => p.title && p.arxivId && p.abstract.length > 0)).toBe(true);
  });
});

describe('arXiv metadata snapshot JSONL (real first 200 lines)', () => {
  it('reads 200 papers; authors from authors_parsed, LaTeX readable', async () => {
    const { papers, diagnostics } = await readAll([REAL('arxiv-kaggle-snapshot-head200.jsonl')]);
    expect(diagnostics).toEqual([]);
    expect(papers).toHaveLength(200);
    const first = papers[0]!;
    expect(first).toMatchObject({
      title: 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
      year: 2007,
      authors: ['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C. -P. Yuan'],
      arxivId: '0704.0001',
      doi: '10.1103/physrevd.76.013009',
      url: 'https://arxiv.org/abs/0704.0001',
      categories: ['hep-ph'],
      source: { line: 1, offset: 0, format: 'arxiv-jsonl' },
    });
    expect(first.abstract.startsWith('A fully differential calculation in perturbative quantum chromodynamics is presented')).toBe(true);
    const dyadic = papers.find((p) => p.arxivId === '0704.0005')!;
    expect(dyadic.title).toBe('From dyadic Λ_α to Λ_α');
    expect(dyadic.abstract).toContain('compute the Λ_α norm');
    expect(dyadic.authors).toEqual(['Wael Abu-Shammala', 'Alberto Torchinsky']);
    expect(dyadic.categories).toEqual(['math.CA', 'math.FA']);
  });
});

describe('S2ORC metadata (real sample of 48 lines)', () => {
  it('reads 48 papers with venue, DOI, arXiv id and fields of study', async () => {
    const { papers, diagnostics } = await readAll([REAL('s2orc-sample.jsonl')]);
    expect(diagnostics).toEqual([]);
    expect(papers).toHaveLength(48);
    expect(papers[0]).toMatchObject({
      title: 'Distributionally Robust Counterpart in Markov Decision Processes',
      year: 2016,
      authors: ['Pengqian Yu', 'Huan Xu'],
      arxivId: '1501.07418',
      doi: '10.1109/tac.2015.2495174',
      venue: 'IEEE Transactions on Automatic Control',
      url: 'https://api.semanticscholar.org/CorpusID:18980380',
      categories: ['Mathematics', 'Computer Science'],
      source: { line: 1, format: 's2orc' },
    });
    expect(papers[0]!.abstract.startsWith('This technical note studies Markov decision processes under parameter uncertainty.')).toBe(true);
  });
});

describe('generic JSON Lines on the real ml-abstracts corpus (no map)', () => {
  it('reads all 1,997 abstracts with their fields', async () => {
    const { papers, diagnostics } = await readAll([shared('corpus', 'ml-abstracts.jsonl')]);
    expect(diagnostics).toEqual([]);
    expect(papers).toHaveLength(1997);
    expect(papers[0]).toMatchObject({
      title: 'Learning Dense Convolutional Embeddings for Semantic Segmentation',
      year: 2015,
      authors: ['Adam W. Harley', 'Konstantinos G. Derpanis', 'Iasonas Kokkinos'],
      arxivId: '1511.04377',
      categories: ['cs.CV'],
      url: 'https://arxiv.org/abs/1511.04377',
      source: { line: 1, format: 'jsonl' },
    });
    const ppo = papers[1000]!;
    expect(ppo).toMatchObject({ title: 'Implementation Matters in Deep RL: A Case Study on PPO and TRPO', year: 2020, venue: 'ICLR', url: 'https://openreview.net/forum?id=r1etN1rtPB', source: { line: 1001 } });
    expect(ppo.authors).toBeUndefined();
    expect(papers[1996]!.authors).toEqual(['Deniz Üstebay', 'Jie Chuai']);
    expect(papers.filter((p) => p.abstract.length > 0)).toHaveLength(1997);
  });

  it('--map names other fields, including nested ones', async () => {
    const { tempDir } = await import('./readers-helpers.ts');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const f = join(tempDir(), 'custom.jsonl');
    writeFileSync(f, '{"meta": {"heading": "Mapped Title"}, "body": "Mapped abstract.", "when": "2021-04-01", "who": "Hinton, G.; LeCun, Y."}\n');
    const { papers } = await readAll([f], { format: 'jsonl', map: { title: 'meta.heading', abstract: 'body', year: 'when', authors: 'who' } });
    expect(papers).toEqual([
      { title: 'Mapped Title', abstract: 'Mapped abstract.', year: 2021, authors: ['G. Hinton', 'Y. LeCun'], source: { file: f, line: 1, offset: 0, format: 'jsonl' } },
    ]);
  });
});

describe('arXiv API Atom feed (fixture per the API manual)', () => {
  it('reads entries, strips versions, reads DOI and categories', async () => {
    const { papers, diagnostics } = await readAll([fixture('arxiv-api.atom.xml')]);
    expect(diagnostics).toEqual([]);
    expect(papers.map((p) => p.arxivId)).toEqual(['1706.03762', '1511.04377']);
    expect(papers[0]).toMatchObject({
      title: 'Attention Is All You Need',
      year: 2017,
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Lukasz Kaiser'],
      categories: ['cs.CL', 'cs.LG'],
      url: 'http://arxiv.org/abs/1706.03762v7',
      source: { line: 10, format: 'arxiv-atom' },
    });
    expect(papers[0]!.abstract).toMatch(/^The dominant sequence transduction models .* translation task\.$/);
    expect(papers[1]).toMatchObject({ title: 'Learning Dense Convolutional Embeddings for Semantic Segmentation', doi: '10.1000/example.1511', categories: ['cs.CV'] });
    expect(papers[1]!.abstract).toContain('with ℓ_2 distances');
  });
});

describe('OpenAlex works (fixtures per the work object docs)', () => {
  it('reads an API response, rebuilding the abstract from the inverted index', async () => {
    const { papers, errors } = await readAll([fixture('openalex-works.json')]);
    expect(papers).toHaveLength(1);
    expect(papers[0]).toEqual({
      title: 'Attention Is All You Need',
      abstract: 'The dominant sequence transduction models are based on complex recurrent networks. We propose the Transformer, a model based solely on attention.',
      year: 2017,
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Illia Polosukhin'],
      arxivId: '1706.03762',
      doi: '10.48550/arxiv.1706.03762',
      url: 'https://openalex.org/W2963403868',
      venue: 'arXiv (Cornell University)',
      // Its own OpenAlex id, which other works' referenced_works point at; no referenced_works here, so no references.
      ids: ['openalex:W2963403868'],
      source: { file: fixture('openalex-works.json'), line: 4, format: 'openalex' },
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 30, message: 'record without a title; expected a non-empty "title" or "display_name"' });
  });

  it('reads the JSON Lines snapshot form', async () => {
    const { papers, diagnostics } = await readAll([fixture('openalex-works.jsonl')]);
    expect(diagnostics).toEqual([]);
    expect(papers.map((p) => p.title)).toEqual(['Deep Residual Learning for Image Recognition', 'Adam: A Method for Stochastic Optimization']);
    expect(papers[0]).toMatchObject({ doi: '10.1109/cvpr.2016.90', venue: '2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)', authors: ['Kaiming He', 'Jian Sun'] });
    expect(papers[1]).toMatchObject({ arxivId: '1412.6980', abstract: 'We introduce Adam, an algorithm with O(√T) regret.' });
  });
});

describe('Semantic Scholar Graph API (fixtures per the API reference)', () => {
  it('reads a search response and a JSON Lines batch', async () => {
    const { papers, diagnostics } = await readAll([fixture('s2-search.json'), fixture('s2-paper.jsonl')]);
    expect(diagnostics).toEqual([]);
    expect(papers).toHaveLength(3);
    expect(papers[0]).toMatchObject({
      title: 'Attention is All you Need',
      arxivId: '1706.03762',
      year: 2017,
      venue: 'Neural Information Processing Systems',
      authors: ['Ashish Vaswani', 'Noam M. Shazeer'],
      categories: ['Computer Science'],
    });
    // Empty venue falls back to the journal name; null abstract is an empty abstract.
    expect(papers[1]).toMatchObject({ venue: 'IEEE Transactions on Automatic Control', abstract: '', doi: '10.1109/tac.2015.2495174', categories: ['Mathematics'] });
    expect(papers[2]).toMatchObject({ doi: '10.18653/v1/n19-1423', arxivId: '1810.04805', year: 2019 });
  });
});

describe('BibTeX (a Zotero-style export)', () => {
  it('decodes LaTeX, expands @string macros, resolves crossref, reports an entry without title', async () => {
    const f = fixture('zotero.bib');
    const { papers, errors, warnings } = await readAll([f]);
    expect(warnings).toEqual([]);
    expect(papers.map((p) => p.title)).toEqual(['Attention Is All You Need', 'Gödel Machines and α-Divergence Bounds in O(n^2) Time', 'A Child Paper That Inherits Its Venue']);
    expect(papers[0]).toMatchObject({
      year: 2017,
      arxivId: '1706.03762',
      venue: 'Advances in Neural Information Processing Systems 30',
      categories: ['cs.CL'],
      source: { file: f, line: 5, format: 'bibtex' },
    });
    expect(papers[0]!.authors).toHaveLength(8);
    expect(papers[0]!.authors![6]).toBe('Łukasz Kaiser');
    expect(papers[0]!.abstract).toBe(
      'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms. It achieves 28.4 BLEU on the WMT 2014 English–German translation task.',
    );
    expect(papers[1]).toMatchObject({
      authors: ['Jörg Müller', 'Jean-Pierre François', 'Barnes and Noble Research'],
      doi: '10.5555/abc.123',
      year: 2020,
      abstract: 'We show that the ℓ_1 penalty with λ ≥ 0 yields — under mild conditions — a bound of 1/2.',
    });
    expect(papers[2]).toMatchObject({ venue: 'Proceedings of the 36th International Conference on Machine Learning', year: 2019 });
    expect(errors).toEqual([{ file: f, line: 40, severity: 'error', message: 'record without a title; expected a non-empty title field in @misc{notitle2021}' }]);
  });
});

describe('CSV with a header', () => {
  it('reads quoted multi-line fields, author lists and arXiv DOIs; reports bad rows', async () => {
    const f = fixture('papers.csv');
    const { papers, errors } = await readAll([f]);
    expect(papers).toHaveLength(2);
    expect(papers[0]).toEqual({
      title: 'Attention Is All You Need',
      abstract: 'We propose the Transformer, "a new simple network", based solely on attention.\nIt spans two lines.',
      year: 2017,
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      arxivId: '1706.03762',
      doi: '10.48550/arxiv.1706.03762',
      url: 'https://arxiv.org/abs/1706.03762v5',
      venue: 'NeurIPS',
      source: { file: f, line: 2, format: 'csv' },
    });
    expect(papers[1]!.source.line).toBe(4);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [5, 'record without a title; expected a non-empty "Title" column'],
      [6, 'row has 8 fields but the header has 7; expected 7 (a delimiter inside an unquoted field?)'],
    ]);
  });

  it('detects semicolons and takes --map for unusual column names', async () => {
    expect((await readAll([fixture('semicolon.csv')])).papers[0]).toMatchObject({ title: 'Pointer Networks', year: 2015 });
    const mapped = await readAll([fixture('no-title-column.csv')], { map: { title: 'Paper', abstract: 'Summary' } });
    expect(mapped.papers[0]).toMatchObject({ title: 'Pointer Networks', abstract: 'We introduce a new neural architecture.' });
  });
});
