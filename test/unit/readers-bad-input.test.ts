/** Format-specific bad input: one diagnostic naming file and line and what was expected; the rest still reads. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/model/paper.ts';
import { fixture, readAll, shared, tempDir } from './readers-helpers.ts';

function write(name: string, content: string | Buffer): string {
  const f = join(tempDir(), name);
  writeFileSync(f, content);
  return f;
}

describe('malformed JSON', () => {
  it('a malformed JSON line is one error with its line; the other lines read', async () => {
    const lines = readFileSync(shared('corpus', 'ml-abstracts.jsonl'), 'utf8').split('\n').slice(0, 5);
    lines[2] = lines[2]!.slice(0, 120); // cut mid-record
    const f = write('broken.jsonl', lines.join('\n'));
    const { papers, errors } = await readAll([f]);
    expect(papers).toHaveLength(4);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: f, line: 3 });
    expect(errors[0]!.message).toMatch(/^malformed JSON \(.+\); expected one JSON object per line$/);
    expect(formatDiagnostic(errors[0]!)).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: malformed JSON`));
  });

  it('a broken first line does not hide the format of the lines after it', async () => {
    const lines = readFileSync(shared('data', 'real-formats', 'arxiv-kaggle-snapshot-head200.jsonl'), 'utf8').split('\n').slice(0, 4);
    lines[0] = lines[0]!.slice(0, 50);
    const f = write('first-broken.jsonl', lines.join('\n'));
    const { papers, errors } = await readAll([f]);
    expect(papers.map((p) => [p.arxivId, p.source.format])).toEqual([
      ['0704.0002', 'arxiv-jsonl'],
      ['0704.0003', 'arxiv-jsonl'],
      ['0704.0004', 'arxiv-jsonl'],
    ]);
    expect(errors.map((e) => e.line)).toEqual([1]);
  });

  it('a JSON line that is not an object, and a record without title', async () => {
    const f = write('odd.jsonl', '{"title": "Fine Paper", "abstract": "Fine."}\n[1, 2]\n{"abstract": "No title here."}\n');
    const { papers, errors } = await readAll([f]);
    expect(papers.map((p) => p.title)).toEqual(['Fine Paper']);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [2, 'found a number; expected a JSON object (one paper record)'],
      [2, 'found a number; expected a JSON object (one paper record)'],
      [3, 'record without a title; expected a non-empty "title" field (or --map title=<field>)'],
    ]);
  });

  it('a truncated JSON document keeps the records before the cut', async () => {
    const text = readFileSync(fixture('s2-search.json'), 'utf8');
    const cut = text.slice(0, text.indexOf('"paperId": "18980380'));
    const f = write('cut.json', cut);
    const { papers, errors } = await readAll([f], { format: 's2' });
    expect(papers.map((p) => p.title)).toEqual(['Attention is All you Need']);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^unexpected end of file inside JSON \(3 brackets still open, the innermost from line 25\); expected the closing '}' or '\]'$/);
  });
});

describe('broken XML', () => {
  it('stops at the error with line and column, keeping earlier records', async () => {
    const xml = readFileSync(shared('data', 'real-formats', 'arxiv-oai-pmh.xml'), 'utf8');
    const lines = xml.split('\n');
    // Break the XML in the middle of the page: an unclosed tag inside record metadata.
    const at = lines.findIndex((l, i) => i > 13000 && l.includes('<title>'));
    lines[at] = lines[at]!.replace('<title>', '<title><b>');
    const f = write('broken.xml', lines.join('\n'));
    const { papers, errors } = await readAll([f]);
    expect(papers.length).toBeGreaterThan(400);
    expect(papers.length).toBeLessThan(1000);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe(f);
    expect(errors[0]!.message).toMatch(/^broken XML at line \d+, column \d+: .+; expected well-formed XML \(records before this point were kept\)$/);
    expect(errors[0]!.line).toBeGreaterThanOrEqual(at + 1);
  });

  it('reports an OAI-PMH error response and a deleted record', async () => {
    const f = write(
      'oai.xml',
      `<?xml version="1.0"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">\n<ListRecords>\n<record><header status="deleted"><identifier>oai:arXiv.org:1234.5678</identifier></header></record>\n</ListRecords>\n<error code="badResumptionToken">The value of the resumptionToken argument is invalid or expired.</error>\n</OAI-PMH>\n`,
    );
    const { papers, diagnostics } = await readAll([f]);
    expect(papers).toEqual([]);
    expect(diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      ['warning', 4, 'record oai:arXiv.org:1234.5678 is marked deleted; skipped'],
      ['error', 6, 'OAI-PMH error badResumptionToken: The value of the resumptionToken argument is invalid or expired.; expected ListRecords'],
    ]);
  });
});

describe('unbalanced BibTeX braces', () => {
  it('reports the open entry at the next @entry line and reads what follows', async () => {
    const f = write(
      'broken.bib',
      '@article{good1, title = {First Good}, abstract = {Fine.}}\n\n@article{bad, title = {Unclosed {Title}, abstract = {oops}\n\n@article{good2,\n  title = {Second Good},\n  abstract = {Also fine.}\n}\n@misc{tail, title = {Never closed\n',
    );
    const { papers, errors } = await readAll([f]);
    expect(papers.map((p) => p.title)).toEqual(['First Good', 'Second Good']);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [3, 'entry "@article{bad, title = {Unclosed {Title}," is not closed: unbalanced braces (2 "{" still open at line 5, where the next entry starts); expected "}"'],
      [9, 'entry "@misc{tail, title = {Never closed" is not closed: unbalanced braces (2 "{" still open at the end of the file); expected "}"'],
    ]);
  });

  it('reports a field without "="', async () => {
    const f = write('nofield.bib', '@article{k1, title {No Equals}}\n@article{k2, title = {OK Paper}}\n');
    const { papers, errors } = await readAll([f]);
    expect(papers.map((p) => p.title)).toEqual(['OK Paper']);
    expect(errors).toEqual([{ file: f, line: 1, severity: 'error', message: 'malformed BibTeX entry: expected "=" after field name "title"' }]);
  });
});

describe('CSV without a title column', () => {
  it('is refused with the header it has and how to map it', async () => {
    const f = fixture('no-title-column.csv');
    const { papers, errors } = await readAll([f]);
    expect(papers).toEqual([]);
    expect(errors).toEqual([
      { file: f, line: 1, severity: 'error', message: 'no title column in the header ("Paper", "Summary"); expected a column named title (or --map title=<column>)' },
    ]);
  });

  it('an unterminated quote is reported at its row', async () => {
    const f = write('quote.csv', 'title,abstract\nGood Row,Fine.\n"Broken Row,never closed\n');
    const { papers, errors } = await readAll([f]);
    expect(papers.map((p) => p.title)).toEqual(['Good Row']);
    expect(errors.map((e) => [e.line, e.message])).toEqual([[3, `unterminated quoted field; expected a closing '"' before the end of the file`]]);
  });
});

describe('Latin-1 and BOM inside structured formats', () => {
  it('a Latin-1 BibTeX export and a BOM-prefixed CSV read correctly', async () => {
    const bib = write('latin1.bib', Buffer.from('@article{k, title = {Caf\u00e9 Networks}, author = {M\u00fcller, J\u00f6rg}, abstract = {R\u00e9sum\u00e9.}}\n', 'latin1'));
    const csv = write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Title,Abstract\nBOM Paper,Read fine.\n')]));
    const { papers, warnings, errors } = await readAll([bib, csv]);
    expect(errors).toEqual([]);
    expect(papers.map((p) => [p.title, p.authors?.[0] ?? '', p.abstract])).toEqual([
      ['Caf\u00e9 Networks', 'J\u00f6rg M\u00fcller', 'R\u00e9sum\u00e9.'],
      ['BOM Paper', '', 'Read fine.'],
    ]);
    expect(warnings.map((w) => w.message)).toEqual(['byte 0xe9 at byte offset 24 is not valid UTF-8 (expected UTF-8 text); decoding such lines as Latin-1', 'UTF-8 byte-order mark removed']);
  });
});
