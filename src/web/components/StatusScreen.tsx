/** Loading (with progress), empty corpus and unreadable snapshot: never a blank page. */
import type { LoadProgress } from '../state/load-snapshot.ts';

export function Loading({ progress }: { progress: LoadProgress | null }) {
  const pct = progress?.total ? Math.round((100 * progress.loaded) / progress.total) : null;
  const kb = progress ? Math.round(progress.loaded / 1024) : 0;
  return (
    <div className="status" role="status">
      <h1>Loading the graph…</h1>
      <progress max={100} value={pct ?? undefined} aria-label="Loading the graph snapshot" />
      <p>{pct !== null ? `${pct}% (${kb} KB)` : progress ? `${kb} KB` : 'Connecting…'}</p>
    </div>
  );
}

export function LoadError({ message }: { message: string }) {
  return (
    <div className="status error" role="alert">
      <h1>The graph snapshot cannot be read</h1>
      <p className="message">{message}</p>
      <p>
        Write a fresh snapshot with <code>papergraph ingest &lt;files&gt; --out &lt;dir&gt;</code> and serve it with{' '}
        <code>papergraph serve &lt;dir&gt;</code>.
      </p>
    </div>
  );
}

export function EmptyCorpus() {
  return (
    <div className="status" role="status">
      <h1>This snapshot holds no papers</h1>
      <p>
        The corpus was empty or every record was skipped. Ingest some papers with <code>papergraph ingest &lt;files&gt; --out &lt;dir&gt;</code>;
        the ingest summary lists what was skipped and why.
      </p>
    </div>
  );
}
