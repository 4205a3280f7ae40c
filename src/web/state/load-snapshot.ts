/** Fetches the snapshot with progress (the edge of the snapshot module: network in, text out). */
export interface LoadProgress {
  loaded: number;
  /** Total bytes when the server says (Content-Length), else null. */
  total: number | null;
}

export async function fetchSnapshotText(url: string, onProgress: (p: LoadProgress) => void): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (err) {
    throw new Error(`${url} could not be fetched: ${(err as Error).message}`);
  }
  if (!response.ok) throw new Error(`${url} could not be loaded: HTTP ${response.status} ${response.statusText}`.trim());
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress({ loaded, total });
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
