/**
 * The arXiv API's Atom feed (https://info.arxiv.org/help/api/user-manual.html): <entry> with id
 * (http://arxiv.org/abs/<id>v<n>), title, summary, published, author/name, category@term,
 * arxiv:primary_category, arxiv:doi, link[@title="doi"]. (journal_ref is a citation string such as
 * "Phys.Rev.D76:013009,2007", not a venue name, so it is not used as one.) An API error comes back
 * as an entry whose id is http://arxiv.org/api/errors#...; it is reported, not read as a paper.
 */
import type { ReadItem, SourceRef } from '../model/paper.ts';
import { buildRecord, normaliseArxivId, normaliseDoi, parseYear } from './fields.ts';
import { decodeLatex } from './latex.ts';
import type { Reader, ReaderInput } from './reader.ts';
import { child, childrenNamed, readXmlRecords, textOf } from './xml-records.ts';

export const ARXIV_ATOM_FORMAT = 'arxiv-atom';

export async function* readArxivAtom(input: ReaderInput): AsyncGenerator<ReadItem> {
  for await (const r of readXmlRecords(input, new Set(['entry']))) {
    if ('diagnostic' in r) {
      yield r.diagnostic;
      continue;
    }
    const { node, line } = r.record;
    const id = textOf(child(node, 'id')).trim();
    if (/\/api\/errors/.test(id)) {
      yield { kind: 'diagnostic', diagnostic: { file: input.file, line, severity: 'error', message: `arXiv API error: ${textOf(child(node, 'summary')).trim()}; expected result entries` } };
      continue;
    }
    const links = childrenNamed(node, 'link');
    const doiLink = links.find((l) => l.attrs.title === 'doi')?.attrs.href;
    const primary = child(node, 'primary_category')?.attrs.term;
    const cats = childrenNamed(node, 'category').map((c) => c.attrs.term ?? '').filter(Boolean);
    const arxivId = normaliseArxivId(id);
    const source: SourceRef = { file: input.file, line, format: ARXIV_ATOM_FORMAT };
    yield buildRecord(
      {
        title: decodeLatex(textOf(child(node, 'title'))),
        abstract: decodeLatex(textOf(child(node, 'summary'))),
        authors: childrenNamed(node, 'author').map((a) => decodeLatex(textOf(child(a, 'name')))),
        arxivId,
        doi: normaliseDoi(textOf(child(node, 'doi'))) ?? normaliseDoi(doiLink),
        year: parseYear(textOf(child(node, 'published'))),
        url: links.find((l) => l.attrs.rel === 'alternate')?.attrs.href ?? (arxivId ? `https://arxiv.org/abs/${arxivId}` : undefined),
        categories: primary ? [primary, ...cats] : cats,
      },
      source,
      '<title> element',
    );
  }
}

export const arxivAtomReader: Reader = {
  name: ARXIV_ATOM_FORMAT,
  description: 'arXiv API Atom feed (<feed><entry>...)',
  sniff: (head) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(\w+:)?feed[\s>]/.test(head) && /<(\w+:)?entry[\s>]|arxiv/i.test(head),
  read: (input) => readArxivAtom(input),
};
