/** What resolve needs to know of a gazetteer entry: the shared shape between extract and resolve. */
export interface GazetteerDataset {
  id: string;
  name: string;
  kind: 'dataset' | 'benchmark' | 'environment';
  aliases: readonly string[];
  partOf: readonly string[];
}

export interface GazetteerTask {
  id: string;
  name: string;
  aliases: readonly string[];
}
