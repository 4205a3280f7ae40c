/**
 * Every reader, in sniffing order: formats with a distinctive signature first, the generic
 * JSON Lines / CSV / plain-text readers last, so a specific reader always wins over a generic one.
 */
import { arxivAtomReader } from './arxiv-atom.ts';
import { arxivJsonlReader } from './arxiv-jsonl.ts';
import { arxivOaiReader } from './arxiv-oai.ts';
import { bibtexReader } from './bibtex.ts';
import { csvReader } from './csv.ts';
import { jsonlReader } from './jsonl.ts';
import { openAlexReader } from './openalex.ts';
import type { Reader } from './reader.ts';
import { s2Reader, s2orcReader } from './s2.ts';
import { trendingReader } from './trending.ts';

export const READERS: readonly Reader[] = [arxivOaiReader, arxivAtomReader, arxivJsonlReader, s2orcReader, openAlexReader, s2Reader, bibtexReader, jsonlReader, csvReader, trendingReader];
