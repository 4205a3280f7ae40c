/**
 * arXiv's OAI-PMH ListRecords pages (https://info.arxiv.org/help/oa/index.html) with
 * metadataPrefix=arXiv (id, created, authors/author/{keyname, forenames, suffix}, title,
 * categories, journal-ref, doi, abstract); oai_dc pages are read too (dc:title, dc:creator,
 * dc:description, dc:date, dc:identifier). Deleted records and OAI-PMH errors are reported.
 */
import type { ReadItem, SourceRef } from '../model/paper.ts';
import { arxivIdYear, buildRecord, normaliseArxivId, normaliseDoi, parseYear } from './fields.ts';
import { decodeLatex } from './latex.ts';
import type { Reader, ReaderInput } from './reader.ts';
import { child, childrenNamed, readXmlRecords, textOf, type XmlNode } from './xml-records.ts';

export const ARXIV_OAI_FORMAT = 'arxiv-oai';

const text = (n: XmlNode | undefined): string | undefined => {
  const t = textOf(n).trim();
  return t || undefined;
};

function fromArxivFormat(meta: XmlNode, source: SourceRef): ReadItem {
  const arxivId = normaliseArxivId(text(child(meta, 'id')));
  const authors = childrenNamed(child(meta, 'authors'), 'author').map((a) =>
    decodeLatex([text(child(a, 'forenames')), text(child(a, 'keyname')), text(child(a, 'suffix'))].filter(Boolean).join(' ')),
  );
  const title = text(child(meta, 'title'));
  const abstract = text(child(meta, 'abstract'));
  return buildRecord(
    {
      title: title ? decodeLatex(title) : undefined,
      abstract: abstract ? decodeLatex(abstract) : undefined,
      authors,
      arxivId,
      doi: normaliseDoi(text(child(meta, 'doi'))),
      year: parseYear(text(child(meta, 'created'))) ?? (arxivId ? arxivIdYear(arxivId) : undefined),
      url: arxivId ? `https://arxiv.org/abs/${arxivId}` : undefined,
      categories: text(child(meta, 'categories'))?.split(/\s+/),
    },
    source,
    '<title> element',
  );
}

function fromDublinCore(dc: XmlNode, source: SourceRef): ReadItem {
  const identifiers = childrenNamed(dc, 'identifier').map((n) => textOf(n).trim());
  const arxivUrl = identifiers.find((i) => /arxiv\.org\/abs\//.test(i));
  const arxivId = normaliseArxivId(arxivUrl);
  const title = text(child(dc, 'title'));
  const abstract = text(child(dc, 'description'));
  return buildRecord(
    {
      title: title ? decodeLatex(title) : undefined,
      abstract: abstract ? decodeLatex(abstract) : undefined,
      authors: childrenNamed(dc, 'creator').map((c) => decodeLatex(textOf(c))),
      arxivId,
      doi: identifiers.map(normaliseDoi).find(Boolean),
      year: parseYear(text(child(dc, 'date'))),
      url: arxivUrl,
    },
    source,
    '<dc:title> element',
  );
}

export async function* readArxivOai(input: ReaderInput): AsyncGenerator<ReadItem> {
  for await (const r of readXmlRecords(input, new Set(['record']), new Set(['error']))) {
    if ('diagnostic' in r) {
      yield r.diagnostic;
      continue;
    }
    const { node, line } = r.record;
    const where = { file: input.file, line };
    if (r.other) {
      yield { kind: 'diagnostic', diagnostic: { ...where, severity: 'error', message: `OAI-PMH error ${node.attrs.code ?? ''}: ${textOf(node).trim()}; expected ListRecords` } };
      continue;
    }
    const header = child(node, 'header');
    const id = text(child(header, 'identifier')) ?? '?';
    if (header?.attrs.status === 'deleted') {
      yield { kind: 'diagnostic', diagnostic: { ...where, severity: 'warning', message: `record ${id} is marked deleted; skipped` } };
      continue;
    }
    const metadata = child(node, 'metadata');
    const meta = metadata?.children[0];
    const source: SourceRef = { file: input.file, line, format: ARXIV_OAI_FORMAT };
    if (meta?.name === 'arXiv' || meta?.name === 'arXivRaw') yield fromArxivFormat(meta, source);
    else if (meta?.name === 'dc') yield fromDublinCore(meta, source);
    else {
      yield {
        kind: 'diagnostic',
        diagnostic: { ...where, severity: 'error', message: `record ${id} has ${meta ? `<${meta.name}>` : 'no'} metadata; expected <arXiv> (metadataPrefix=arXiv) or <oai_dc:dc>` },
      };
    }
  }
}

export const arxivOaiReader: Reader = {
  name: ARXIV_OAI_FORMAT,
  description: 'arXiv OAI-PMH ListRecords XML (metadataPrefix arXiv or oai_dc)',
  sniff: (head) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(\w+:)?OAI-PMH[\s>]/.test(head),
  read: (input) => readArxivOai(input),
};
