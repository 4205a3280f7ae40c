/** The console's query history: newest first, no duplicates, bounded, kept in localStorage. */
export interface HistoryEntry {
  query: string;
  params: string;
}

export const HISTORY_LIMIT = 50;
const KEY = 'papergraph.console.history';

export function addToHistory(history: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const rest = history.filter((h) => h.query !== entry.query || h.params !== entry.params);
  return [entry, ...rest].slice(0, HISTORY_LIMIT);
}

export function loadHistory(storage: Pick<Storage, 'getItem'> | undefined): HistoryEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((h): h is HistoryEntry => typeof h?.query === 'string' && typeof h?.params === 'string').slice(0, HISTORY_LIMIT) : [];
  } catch {
    return [];
  }
}

export function saveHistory(storage: Pick<Storage, 'setItem'> | undefined, history: HistoryEntry[]): void {
  try {
    storage?.setItem(KEY, JSON.stringify(history));
  } catch {
    // Storage full or disabled: the history lives for this page only.
  }
}

/** Parses the params box: an empty box is no parameters; anything else must be a JSON object. */
export function parseParams(text: string): { ok: true; params: Record<string, unknown> } | { ok: false; error: string } {
  if (!text.trim()) return { ok: true, params: {} };
  try {
    const v: unknown = JSON.parse(text);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return { ok: false, error: 'Parameters must be a JSON object, e.g. {"benchmark": "KILT"}.' };
    return { ok: true, params: v as Record<string, unknown> };
  } catch (err) {
    return { ok: false, error: `Parameters are not valid JSON: ${(err as Error).message}` };
  }
}
