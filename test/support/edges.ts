import { isLinkEdge, type EdgeAttributes, type LinkEdgeAttributes } from '../../src/model/schema.ts';

/** The attributes of a text link; fails the test when the edge is not one. */
export function asLink(a: EdgeAttributes | undefined): LinkEdgeAttributes {
  if (!a || !isLinkEdge(a)) throw new Error(`expected a text link, got ${JSON.stringify(a)}`);
  return a;
}
