/**
 * Small hand-made bad inputs per format, each a problem at a known line between good records: the
 * comparison asks whether each side reports it with a diagnostic naming that line, and keeps the
 * good records around it.
 */
import type { FormatName } from './sides.ts';

export interface BadInput {
  format: FormatName;
  name: string;
  text: string;
  /** The line the problem starts on. */
  line: number;
  /** Records that should still be read. */
  good: number;
}

const bib = (key: string, title: string): string => `@article{${key}, title = {${title}}, abstract = {Fine.}}\n`;
const row = (t: string): string => JSON.stringify({ title: t, abstract: 'Fine.' });

export const BAD_INPUTS: BadInput[] = [
  { format: 'CSV', name: 'unclosed quote', text: 'title,abstract\nGood One,Fine.\n"Broken,Fine.\nGood Two,Fine.\n', line: 3, good: 1 },
  { format: 'CSV', name: 'row with too many fields', text: 'title,abstract\nGood One,Fine.\nToo,Many,Fields\nGood Two,Fine.\n', line: 3, good: 2 },
  { format: 'CSV', name: 'row without a title', text: 'title,abstract\nGood One,Fine.\n,No title\nGood Two,Fine.\n', line: 3, good: 2 },
  { format: 'BibTeX', name: 'unbalanced braces', text: `${bib('a', 'Good One')}@article{b, title = {Broken, abstract = {x}\n${bib('c', 'Good Two')}`, line: 2, good: 2 },
  { format: 'BibTeX', name: 'missing comma after key', text: `${bib('a', 'Good One')}@article{b title = {Broken}}\n${bib('c', 'Good Two')}`, line: 2, good: 2 },
  { format: 'BibTeX', name: 'entry without a title', text: `${bib('a', 'Good One')}@article{b, abstract = {No title}}\n${bib('c', 'Good Two')}`, line: 2, good: 2 },
  { format: 'BibTeX', name: 'unterminated quoted value', text: `${bib('a', 'Good One')}@article{b, title = "Broken}\n${bib('c', 'Good Two')}`, line: 2, good: 2 },
  { format: 'JSON', name: 'JSON Lines: line cut short', text: `${row('Good One')}\n{"title": "Broken", "abs\n${row('Good Two')}\n`, line: 2, good: 2 },
  { format: 'JSON', name: 'JSON Lines: blank lines, then a bad line', text: `${row('Good One')}\n\n\n[1, 2]\n${row('Good Two')}\n`, line: 4, good: 2 },
  { format: 'JSON', name: 'JSON array: a broken record', text: `[\n${row('Good One')},\n{"title": "Broken" "abstract": 1},\n${row('Good Two')}\n]\n`, line: 3, good: 2 },
  { format: 'JSON', name: 'JSON array: truncated', text: `[\n${row('Good One')},\n${row('Good Two')},\n{"title": "Cut`, line: 4, good: 2 },
];
