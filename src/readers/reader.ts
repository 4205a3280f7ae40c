import type { ReadItem } from '../model/paper.ts';

/** What a reader is given: the file's path (for messages) and its decoded text or raw bytes. */
export interface ReaderInput {
  /** Path as the user gave it, used in every message. */
  file: string;
  /**
   * Opens the content as a byte stream; call once per read. The registry hands readers clean UTF-8:
   * decompressed, byte-order mark removed, Latin-1 lines re-encoded (with a warning).
   */
  open(): NodeJS.ReadableStream;
  /** The first bytes of the (decompressed) content, for sniffing the format. */
  head: Buffer;
}

export interface ReaderOptions {
  /** Field mapping for generic CSV / JSON Lines readers (`--map title=Title,abstract=Abstract`). */
  map?: Record<string, string>;
  /**
   * Progress by bytes of the file on disk (compressed bytes for .gz), so a bar over a multi-gigabyte
   * dump moves steadily. Called by the registry as the file is read.
   */
  onProgress?(bytesRead: number, totalBytes: number, file: string): void;
}

/** One reader per format: recognises its content and streams papers and diagnostics. */
export interface Reader {
  /** Short name used by `--format`. */
  name: string;
  /** One line for `--help`: what the format is. */
  description: string;
  /** True when the head of the content looks like this format. Sniffers are tried in registry order. */
  sniff(head: string, file: string): boolean;
  read(input: ReaderInput, options: ReaderOptions): AsyncIterable<ReadItem>;
}
