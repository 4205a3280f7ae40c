import type { EntityKind } from './schema.ts';

/** How a mention was found; kept on the link so a user can judge it. */
export type MentionOrigin =
  | 'gazetteer' // a curated name or alias
  | 'context' // a name the gazetteer lacks, recognised from its context ("the X dataset")
  | 'corpus' // a name recognised elsewhere in the corpus, seen here again
  | 'acronym' // the short form of a long form defined in the text
  | 'phrase'; // a noun phrase (concept or task)

/**
 * What the sentence says the paper does with a dataset or benchmark: introduces it, evaluates on
 * it in its own experiments, or only uses or names it (training or pre-training data, background,
 * related work, a cited model's data).
 */
export type DatasetRole = 'EVALUATED_ON' | 'INTRODUCES' | 'USES';

/** One place in a paper's text that names something. */
export interface Mention {
  kind: EntityKind;
  /** Comparison key of the name (stable across spellings); the entity it resolves to is chosen later. */
  key: string;
  surface: string;
  field: 'title' | 'abstract';
  start: number;
  end: number;
  sentence: string;
  confidence: number;
  origin: MentionOrigin;
  /** Gazetteer id, when the gazetteer knows the name. */
  gazetteerId?: string;
  /** Year of the edition of the gazetteer entry named ("PASCAL VOC 2011"), when one is. */
  edition?: string;
  role?: DatasetRole;
}
