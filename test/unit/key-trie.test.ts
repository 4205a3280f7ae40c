import { describe, expect, it } from 'vitest';
import { KeyTrie, NOWHERE, ROOT } from '../../src/extract/key-trie.ts';

describe('KeyTrie', () => {
  const trie = new KeyTrie<string>([
    ['mscoco', 'COCO'],
    ['ms', 'MS'],
    ['kilt', 'KILT'],
    ['touché', 'Touché'],
  ]);

  it('finds a key walked in one piece or token by token', () => {
    expect(trie.valueAt(trie.walk(ROOT, 'mscoco'))).toBe('COCO');
    expect(trie.valueAt(trie.walk(trie.walk(ROOT, 'ms'), 'coco'))).toBe('COCO');
    expect(trie.valueAt(trie.walk(ROOT, 'ms'))).toBe('MS');
  });

  it('tells a prefix that is no key from a string that begins none', () => {
    const prefix = trie.walk(ROOT, 'msco');
    expect(prefix).not.toBe(NOWHERE);
    expect(trie.valueAt(prefix)).toBeUndefined();
    expect(trie.walk(ROOT, 'mscocos')).toBe(NOWHERE);
    expect(trie.walk(ROOT, 'imagenet')).toBe(NOWHERE);
    // Past the end of every key, walking goes nowhere.
    expect(trie.walk(NOWHERE, 'coco')).toBe(NOWHERE);
  });

  it('walks a leading part of a string, and non-ASCII characters', () => {
    expect(trie.valueAt(trie.walk(ROOT, 'kilts', 4))).toBe('KILT');
    expect(trie.valueAt(trie.walk(ROOT, 'touché'))).toBe('Touché');
    expect(trie.walk(ROOT, 'touche')).toBe(NOWHERE);
  });

  it('an empty step stays where it is', () => {
    const ms = trie.walk(ROOT, 'ms');
    expect(trie.walk(ms, '')).toBe(ms);
  });
});
