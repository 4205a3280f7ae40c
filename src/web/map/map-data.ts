/**
 * What the map view fetches, each file once: the top level, one file per opened cluster, the
 * adoption table (on first use), and the server's whole-field search and id look-up.
 */
import { clusterFileName, type Adoption, type MapClusterFile, type MapSearchHit, type MapTop } from '../../model/map.ts';

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${res.statusText}`);
  return (await res.json()) as T;
}

export class MapSource {
  private readonly files = new Map<string, Promise<MapClusterFile>>();
  private adoptionTable: Promise<Record<string, Adoption>> | null = null;

  constructor(private readonly base = 'map/') {}

  /** The top level, or null when the server says the snapshot has no map (or is not papergraph serve). */
  async top(): Promise<MapTop | null> {
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
    const body = await getJson<{ results: MapSearchHit[] }>(`api/map/search?q=${encodeURIComponent(q)}&limit=${limit}`);
    return body.results;
  }

  async locate(id: string): Promise<MapSearchHit | null> {
    const body = await getJson<{ result: MapSearchHit | null }>(`api/map/locate?id=${encodeURIComponent(id)}`);
    return body.result;
  }
}
