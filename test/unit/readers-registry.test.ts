import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/model/paper.ts';
import { FORMAT_NAMES, UnknownFormatError, formatHelp, readInputs } from '../../src/readers/registry.ts';
import { collect, readAll, shared, tempDir } from './readers-helpers.ts';

const CORPUS = shared('corpus', 'trending-papers.txt');
const corpusText = readFileSync(CORPUS, 'utf8');
const SMALL = 'Pointer Networks\n\nWe introduce a new neural architecture to learn things. It works well on three problems.\n';

describe('readInputs: bad inputs are one diagnostic each, and the rest still reads', () => {
  it('missing path, empty file, unknown format, binary file, then a good file', async () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const unknown = join(dir, 'notes.txt');
    writeFileSync(unknown, 'just a shopping list\nmilk\neggs\n');
    const binary = join(dir, 'image.bin');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const missing = join(dir, 'nope.jsonl');
    const { papers, errors } = await readAll([missing, empty, unknown, binary, CORPUS]);
    expect(papers).toHaveLength(58);
    expect(errors.map((e) => e.file)).toEqual([missing, empty, unknown, binary]);
    expect(errors[0]!.message).toMatch(/no such file or folder/);
    expect(errors[1]!.message).toMatch(/empty file \(0 bytes\); expected a text file/);
    expect(errors[2]!.message).toMatch(/not a known format \(starts with "just a shopping list milk eggs"\); expected one of .*trending/);
    expect(errors[3]!.message).toMatch(/binary file \(byte 0x00 at byte offset 8\)/);
    expect(errors[3]!.offset).toBe(8);
    for (const e of errors) expect(formatDiagnostic(e).startsWith(e.file)).toBe(true);
  });

  it('recognises archives it cannot read and says what to do', async () => {
    const dir = tempDir();
    const zip = join(dir, 'papers.zip');
    writeFileSync(zip, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('rest of a zip file')]));
    const { errors } = await readAll([zip]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/zip archive, not text; unzip it first/);
  });

  it('reads Latin-1 bytes as Latin-1 with one warning naming the byte offset and line', async () => {
    const dir = tempDir();
    const f = join(dir, 'latin1.txt');
    const text = `${SMALL}\nCaf\u00e9 Networks for R\u00e9sum\u00e9s\n\nWe parse r\u00e9sum\u00e9s with a caf\u00e9 of networks. It works well.\n\nThird Paper\n\nAnother na\u00efve abstract sentence here.\n`;
    writeFileSync(f, Buffer.from(text, 'latin1'));
    const { papers, warnings, errors } = await readAll([f]);
    expect(errors).toEqual([]);
    expect(papers.map((p) => p.title)).toEqual(['Pointer Networks', 'Caf\u00e9 Networks for R\u00e9sum\u00e9s', 'Third Paper']);
    expect(papers[2]!.abstract).toBe('Another na\u00efve abstract sentence here.');
    expect(warnings).toHaveLength(1);
    const offset = Buffer.from(text, 'latin1').indexOf(0xe9);
    expect(warnings[0]).toMatchObject({ file: f, line: 5, offset });
    expect(warnings[0]!.message).toBe(`byte 0xe9 at byte offset ${offset} is not valid UTF-8 (expected UTF-8 text); decoding such lines as Latin-1`);
  });

  it('keeps valid UTF-8 lines of a mixed file as UTF-8', async () => {
    const dir = tempDir();
    const f = join(dir, 'mixed.txt');
    writeFileSync(f, Buffer.concat([Buffer.from('Na\u00efve Title\n\nA sentence about \u00e9t\u00e9 and more things here.\n\n', 'utf8'), Buffer.from('Caf\u00e9 Title\n\nAnother caf\u00e9 sentence here.\n', 'latin1')]));
    const { papers, warnings } = await readAll([f]);
    expect(papers.map((p) => p.title)).toEqual(['Na\u00efve Title', 'Caf\u00e9 Title']);
    expect(warnings).toHaveLength(1);
  });

  it('strips a UTF-8 byte-order mark (with a warning) and converts UTF-16', async () => {
    const dir = tempDir();
    const bom = join(dir, 'bom.txt');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SMALL)]));
    const utf16 = join(dir, 'utf16.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SMALL, 'utf16le')]));
    const r = await readAll([bom, utf16]);
    expect(r.errors).toEqual([]);
    expect(r.papers.map((p) => p.title)).toEqual(['Pointer Networks', 'Pointer Networks']);
    expect(r.warnings.map((w) => w.message)).toEqual(['UTF-8 byte-order mark removed', 'UTF-16LE text (byte-order mark) converted to UTF-8']);
  });

  it('reads .gz directly and reports a truncated gzip after keeping what came before', async () => {
    const dir = tempDir();
    const gz = join(dir, 'papers.txt.gz');
    const full = gzipSync(Buffer.from(corpusText));
    writeFileSync(gz, full);
    expect((await readAll([gz])).papers).toHaveLength(58);

    // A big enough body that the head survives the cut, then cut the compressed file in half.
    const big = join(dir, 'big.txt.gz');
    const body = gzipSync(Buffer.from(corpusText.repeat(20)), { level: 1 });
    writeFileSync(big, body.subarray(0, Math.floor(body.length / 2)));
    const { papers, errors } = await readAll([big, CORPUS]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe(big);
    expect(errors[0]!.message).toMatch(/^truncated gzip: the compressed stream ends early \(after byte \d+ of \d+\); expected a complete \.gz file/);
    const fromBig = papers.filter((p) => p.source.file === big).length;
    expect(fromBig).toBeGreaterThan(0);
    expect(fromBig).toBeLessThan(58 * 20);
    expect(papers.filter((p) => p.source.file === CORPUS)).toHaveLength(58);
  });

  it('reports a gzip that is cut before any data', async () => {
    const dir = tempDir();
    const gz = join(dir, 'tiny.gz');
    writeFileSync(gz, gzipSync(Buffer.from(SMALL)).subarray(0, 12));
    const { errors } = await readAll([gz]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/gzip file holds no data.*expected a complete \.gz/);
  });
});

describe('readInputs: folders, formats, progress', () => {
  it('expands folders recursively in name order and skips dotfiles', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b-sub'));
    mkdirSync(join(dir, '.hidden'));
    writeFileSync(join(dir, 'c.txt'), SMALL.replace('Pointer', 'Charlie'));
    writeFileSync(join(dir, 'a.txt'), SMALL.replace('Pointer', 'Alpha'));
    writeFileSync(join(dir, 'b-sub', 'x.txt'), SMALL.replace('Pointer', 'Bravo'));
    writeFileSync(join(dir, '.hidden', 'y.txt'), SMALL.replace('Pointer', 'Hidden'));
    writeFileSync(join(dir, '.dot.txt'), SMALL.replace('Pointer', 'Dot'));
    const { papers } = await readAll([dir]);
    expect(papers.map((p) => p.title)).toEqual(['Alpha Networks', 'Bravo Networks', 'Charlie Networks']);
  });

  it('follows a symlink loop only once', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), SMALL);
    symlinkSync(dir, join(dir, 'loop'));
    const { papers } = await readAll([dir]);
    expect(papers).toHaveLength(1);
  });

  it('reports an empty folder', async () => {
    const { errors } = await readAll([tempDir()]);
    expect(errors[0]!.message).toMatch(/folder holds no files/);
  });

  it('--format forces a reader and an unknown name is refused with the list', async () => {
    const dir = tempDir();
    const f = join(dir, 'odd.dat');
    writeFileSync(f, 'Short Title\n\nShort abstract.\n');
    expect((await readAll([f], { format: 'trending' })).papers).toHaveLength(1);
    await expect(collect(readInputs([f], { format: 'nope' }))).rejects.toThrow(UnknownFormatError);
    await expect(collect(readInputs([f], { format: 'nope' }))).rejects.toThrow(/known formats: .*trending/);
    expect(FORMAT_NAMES).toContain('trending');
    expect(formatHelp()).toMatch(/trending\s+trending-papers text/);
  });

  it('reports progress by bytes, ending at the total size', async () => {
    const calls: Array<[number, number]> = [];
    const files: Array<[string, string]> = [];
    await readAll([CORPUS], { onProgress: (r, t) => calls.push([r, t]), onFile: (f, fmt) => files.push([f, fmt]) });
    const size = Buffer.byteLength(corpusText);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)).toEqual([size, size]);
    expect(calls.every(([r], i) => i === 0 || r >= calls[i - 1]![0])).toBe(true);
    expect(files).toEqual([[CORPUS, 'trending']]);
  });
});
