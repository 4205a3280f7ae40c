/**
 * Whether the page is a site written by `papergraph publish` (no server behind it) and whether that
 * site has the map, read from the tag publish writes into the page (model/map.ts SITE_META).
 *
 * A tag rather than probing the API: on a static host a missing /api/... is not reliably a 404
 * (hosts that send every unknown path to a page answer 200 with HTML, others a custom 404 page),
 * a probe costs a round trip before the first paint and leaves a failed request in the console,
 * and the tag is written with the page, so the two cannot disagree.
 */
import { SITE_META } from '../../model/map.ts';

export interface SiteMode {
  published: boolean;
  map: boolean;
}

export function siteMode(doc: Document = document): SiteMode {
  const words = (doc.querySelector(`meta[name="${SITE_META}"]`)?.getAttribute('content') ?? '').split(/\s+/);
  return { published: words.includes('static'), map: words.includes('map') };
}
