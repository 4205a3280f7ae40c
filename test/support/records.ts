/** A paper record written inside a test: a title, an abstract and a made-up source line. */
import type { PaperRecord } from '../../src/model/paper.ts';

export const paper = (n: number, title: string, abstract: string): PaperRecord => ({ title, abstract, source: { file: 'test', line: n, format: 'test' } });
