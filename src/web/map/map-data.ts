/**
 * What the map view fetches, each file once: the top level, one file per opened cluster, the
 * adoption table (on first use), and the whole-field search and id look-up: the server's, or on a
 * published site the static index's pieces (model/map-search-index.ts), ranked the same way.
 */
import { clusterFileName, type Adoption, type MapClusterFile, type MapSearchHit, type MapTop } from '../../model/map.ts';
import { StaticMapSearch } from '../../model/map-search-index.ts';
import { type SiteMode, siteMode } from '../state/site.ts';

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${res.statusText}`);
  return (await res.json()) as T;
}

async function getText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${res.statusText}`);
  return res.text();
}

export class MapSource {
  private readonly files = new Map<string, Promise<MapClusterFile>>();
  private adoptionTable: Promise<Record<string, Adoption>> | null = null;

  /** On a published site: the static index, fetched a piece at a time. */
  private readonly index: StaticMapSearch | null;

  constructor(
    private readonly base = 'map/',
    private readonly site: SiteMode = siteMode(),
  ) {
    this.index = site.published ? new StaticMapSearch((path) => getText(`${base}index/${path}`)) : null;
  }

  /** The top level, or null when the snapshot has no map (or the page is served by something else). */
  async top(): Promise<MapTop | null> {
    if (this.site.published) return this.site.map ? getJson<MapTop>(`${this.base}top.json`) : null;
    const status = await getJson<{ map?: boolean }>('api/map/status').catch(() => ({ map: false }));
    return status.map ? getJson<MapTop>(`${this.base}top.json`) : null;
  }

  cluster(id: string): Promise<MapClusterFile> {
    let file = this.files.get(id);
    if (!file) {
      file = getJson<MapClusterFile>(`${this.base}${clusterFileName(id)}`);
      file.catch(() => this.files.delete(id));
      this.files.set(id, file);
    }
    return file;
  }

  async adoption(id: string): Promise<Adoption | null> {
    this.adoptionTable ??= getJson<Record<string, Adoption>>(`${this.base}adoption.json`);
    return (await this.adoptionTable)[id] ?? null;
  }

  async search(q: string, limit = 12): Promise<MapSearchHit[]> {
    if (this.index) return this.index.search(q, limit);
    const body = await getJson<{ results: MapSearchHit[] }>(`api/map/search?q=${encodeURIComponent(q)}&limit=${limit}`);
    return body.results;
  }

  async locate(id: string): Promise<MapSearchHit | null> {
    if (this.index) return this.index.locate(id);
    const body = await getJson<{ result: MapSearchHit | null }>(`api/map/locate?id=${encodeURIComponent(id)}`);
    return body.result;
  }
}
