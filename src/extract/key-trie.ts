/**
 * A character trie over name keys. A name scan extends its key one token at a time ("ms" + "coco");
 * asking a Set of prefixes means building and hashing each longer string, while a trie step is a
 * few array reads from where the last token left off. Nodes are numbered; edges are first-child /
 * next-sibling lists in typed arrays, so the trie of every gazetteer name costs a few MB at most.
 */
export const ROOT = 0;
/** The node past every key's end: walking from it stays there. */
export const NOWHERE = -1;

export class KeyTrie<V> {
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly label: Uint16Array;
  /** The root's children by ASCII code: most walks start there, and the root has the most children. */
  private readonly rootChild: Int32Array;
  private readonly values: (V | undefined)[];

  constructor(entries: Iterable<readonly [string, V]>) {
    const firstChild = [NOWHERE];
    const nextSibling = [NOWHERE];
    const label = [0];
    const values: (V | undefined)[] = [undefined];
    for (const [key, value] of entries) {
      let node = ROOT;
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        let child = firstChild[node]!;
        while (child !== NOWHERE && label[child] !== c) child = nextSibling[child]!;
        if (child === NOWHERE) {
          child = label.length;
          label.push(c);
          firstChild.push(NOWHERE);
          nextSibling.push(firstChild[node]!);
          values.push(undefined);
          firstChild[node] = child;
        }
        node = child;
      }
      values[node] = value;
    }
    this.firstChild = Int32Array.from(firstChild);
    this.nextSibling = Int32Array.from(nextSibling);
    this.label = Uint16Array.from(label);
    this.values = values;
    this.rootChild = new Int32Array(128).fill(NOWHERE);
    for (let child = firstChild[ROOT]!; child !== NOWHERE; child = nextSibling[child]!) if (label[child]! < 128) this.rootChild[label[child]!] = child;
  }

  /** The node reached from `node` over the first `length` characters of `s` (all of it by default). */
  walk(node: number, s: string, length = s.length): number {
    for (let i = 0; i < length && node !== NOWHERE; i++) {
      const c = s.charCodeAt(i);
      if (node === ROOT && c < 128) {
        node = this.rootChild[c]!;
        continue;
      }
      let child = this.firstChild[node]!;
      while (child !== NOWHERE && this.label[child] !== c) child = this.nextSibling[child]!;
      node = child;
    }
    return node;
  }

  /** The value of the key that ends at `node`, if one does. */
  valueAt(node: number): V | undefined {
    return node === NOWHERE ? undefined : this.values[node];
  }
}
