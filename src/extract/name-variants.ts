/**
 * Spellings of a curated name that the gazetteer need not list. A dataset made of two collections
 * and named by joining them with a slash ("CNN/Daily Mail", "i2b2/VA") is as often written with the
 * two joined by "+", "&" or "and" ("CNN + Daily Mail", "CNN and Daily Mail news articles"): the
 * slash reads as a conjunction, so the other conjunctions name the same data.
 */
const isNamePart = (s: string) => /[A-Za-z]/.test(s) && s.replace(/[^A-Za-z0-9]/g, '').length >= 2;

export function joinedSpellings(name: string): string[] {
  const parts = name.split('/');
  if (parts.length !== 2) return [];
  const [a, b] = parts.map((p) => p.trim()) as [string, string];
  // Both sides must be names of their own: "1/2" or "w/o" join no collections.
  if (!isNamePart(a) || !isNamePart(b)) return [];
  return [`${a} + ${b}`, `${a} & ${b}`, `${a} and ${b}`];
}

/**
 * Every spelling of each entry: its own names, then the generated ones that no entry already owns
 * (a generated spelling never takes a name from another entry).
 */
export function withGeneratedSpellings<T extends { aliases: readonly string[]; name: string }>(entries: readonly T[], key: (s: string) => string): T[] {
  const owned = new Set(entries.flatMap((e) => [e.name, ...e.aliases].map(key)));
  return entries.map((e) => {
    const extra = [e.name, ...e.aliases].flatMap(joinedSpellings).filter((s) => {
      const k = key(s);
      if (owned.has(k)) return false;
      owned.add(k);
      return true;
    });
    return extra.length ? { ...e, aliases: [...e.aliases, ...extra] } : e;
  });
}
