import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrending, isFurniture } from '../../src/readers/trending.ts';
import { collect, fixture, readAll, shared, tempDir } from './readers-helpers.ts';

const CORPUS = shared('corpus', 'trending-papers.txt');

describe('trending-papers reader on the demo corpus', () => {
  it('reads all 58 papers with their exact titles, abstracts and title lines', async () => {
    const { papers, diagnostics } = await readAll([CORPUS]);
    expect(diagnostics).toEqual([]);
    expect(papers).toHaveLength(58);
    const lines = readFileSync(CORPUS, 'utf8').split('\n');
    for (const p of papers) {
      expect(p.source.format).toBe('trending');
      expect(p.source.file).toBe(CORPUS);
      // The title is the whole line at source.line; the abstract is the paragraph two lines below.
      expect(lines[p.source.line! - 1]).toBe(p.title);
      expect(lines[p.source.line! + 1]!.trim()).toBe(p.abstract);
    }
    const pointer = papers.find((p) => p.title === 'Pointer Networks')!;
    expect(pointer.source.line).toBe(223);
    expect(pointer.abstract.startsWith('We introduce a new neural architecture to learn the conditional probability')).toBe(true);
    expect(papers[0]!.title).toBe('An Extendable, Efficient and Effective Transformer-based Object Detector');
    expect(papers[0]!.source.line).toBe(11);
    expect(papers[57]!.title).toBe('Self-supervised Learning for Large-scale Item Recommendations');
    expect(papers.map((p) => p.title)).not.toContain('Mar 11');
    expect(papers.map((p) => p.title)).not.toContain('Subscribe');
  });
});

describe('trending-papers reader on messy pages', () => {
  it('recognises furniture anywhere, keeps multi-line abstracts and reports a title without abstract', async () => {
    const { papers, errors } = await readAll([fixture('trending-messy.txt')], { format: 'trending' });
    expect(papers.map((p) => p.title)).toEqual(['A Paper Whose Abstract Spans Lines', 'Another Paper: With a Colon?']);
    expect(papers[0]!.abstract).toBe('We study a problem.\nThe abstract continues on a second line,\nand a third.');
    expect(papers[0]!.source.line).toBe(9);
    expect(papers[1]!.abstract).toBe('Short abstract ending in a full stop.');
    expect(errors).toHaveLength(2);
    expect(errors[0]!.line).toBe(17);
    expect(errors[0]!.message).toMatch(/"A Title That Lost Its Abstract" has no abstract: expected its abstract paragraph.*another title at line 19/);
    expect(errors[1]!.line).toBe(23);
    expect(errors[1]!.message).toMatch(/has no title: expected a one-line title/);
  });

  it('reports a trailing title at end of file', async () => {
    const items = readTrending('x.txt', [Buffer.from('Title One\n\nAn abstract that is a sentence.\n\nDangling Final Title\n')]);
    const { papers, errors } = await collect(items);
    expect(papers).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'x.txt', line: 5 });
    expect(errors[0]!.message).toMatch(/found the end of the file/);
  });

  it('handles CRLF line endings like LF', async () => {
    const dir = tempDir();
    const crlf = join(dir, 'crlf.txt');
    writeFileSync(crlf, readFileSync(CORPUS, 'utf8').replace(/\n/g, '\r\n'));
    const { papers } = await readAll([crlf]);
    expect(papers).toHaveLength(58);
    expect(papers.every((p) => !p.title.includes('\r') && !p.abstract.includes('\r'))).toBe(true);
  });

  it('classifies furniture by what it is', () => {
    for (const f of ['new', 'Subscribe', 'Mar 11', 'Published on Mar 12, 2024', '2024-03-11', 'byAK and the research community', 'Get trending papers in your email inbox!']) {
      expect(isFurniture(f), f).toBe(true);
    }
    for (const t of ['Pointer Networks', 'Titans: Learning to Memorize at Test Time', 'March of the Transformers']) {
      expect(isFurniture(t), t).toBe(false);
    }
  });
});
