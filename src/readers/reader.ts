import type { ReadItem } from '../model/paper.ts';

/** What a reader is given: the file's path (for messages) and its decoded text or raw bytes. */
export interface ReaderInput {
  /** Path as the user gave it, used in every message. */
  file: string;
  /** Opens the (decompressed) content as a byte stream; call once per read. */
  open(): NodeJS.ReadableStream;
  /** The first bytes of the (decompressed) content, for sniffing the format. */
  head: Buffer;
}

export interface ReaderOptions {
  /** Field mapping for generic CSV / JSON Lines readers (`--map title=Title,abstract=Abstract`). */
  map?: Record<string, string>;
}

/** One reader per format: recognises its content and streams papers and diagnostics. */
export interface Reader {
  /** Short name used by `--format`. */
  name: string;
  /** True when the head of the content looks like this format. Sniffers are tried in registry order. */
  sniff(head: string, file: string): boolean;
  read(input: ReaderInput, options: ReaderOptions): AsyncIterable<ReadItem>;
}
