/**
 * What a provider client is: how to ask for a page, how to read one, and how to name a record. The
 * paging loop (paging.ts) does the rest, the same way for every provider.
 */

/** One HTTP request of a fetch. */
export interface PageRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface FetchQuery {
  query: string;
  /** Only papers published in or after this year. */
  since?: number;
  baseUrl: string;
  /** From the environment or the command line: api keys, a contact address. */
  credentials: { apiKey?: string; mailto?: string };
}

/** A page read: its records (as they will be written out), and the state for the next page, if any. */
export interface ParsedPage<S> {
  records: Record<string, unknown>[];
  next: S | null;
  /** How many results the provider says match, where it says so. */
  total?: number;
}

/** The body of a response ends early (a dropped connection, a proxy cutting it). Retried. */
export class TruncatedBodyError extends Error {}

/** The provider refused the request in a way a retry cannot fix (bad query, bad key). */
export class ProviderError extends Error {}

export interface Provider<S> {
  name: string;
  defaultBaseUrl: string;
  /** The provider's documented limit, as the shortest pause between two requests. */
  minIntervalMs: number;
  first(q: FetchQuery): S;
  request(state: S, q: FetchQuery): PageRequest;
  /** Throws TruncatedBodyError for an incomplete body, ProviderError for an error document. */
  parse(body: string, state: S): ParsedPage<S> | Promise<ParsedPage<S>>;
  /** A stable identity per record, so a record read twice is written once. */
  keyOf(record: Record<string, unknown>): string;
  /** A second pass over the collected records (S2: their references, which search cannot return). */
  complete?(records: Record<string, unknown>[], pages: PageSource, q: FetchQuery): Promise<Record<string, unknown>[]>;
}

/** Gets a page, from the cache or the network; `name` identifies it in the cache. */
export type PageSource = (name: string, request: PageRequest, validate: Validate) => Promise<string>;

/** Reads a body and throws when it is unusable (TruncatedBodyError: retry; ProviderError: stop). */
export type Validate = (body: string) => void | Promise<void>;
