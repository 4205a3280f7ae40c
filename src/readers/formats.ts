/**
 * Every reader, in sniffing order: formats with a distinctive signature first, the generic
 * JSON Lines / CSV / plain-text readers last, so a specific reader always wins over a generic one.
 */
import type { Reader } from './reader.ts';
import { trendingReader } from './trending.ts';

export const READERS: readonly Reader[] = [trendingReader];
