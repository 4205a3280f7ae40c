/**
 * The Cypher console: editor (Ctrl+Enter runs), a JSON params box (values go to Neo4j as
 * parameters, never into the text), history, the gallery of example queries from graph/queries,
 * errors as messages, and results as a table whose nodes and relationships light up on the map.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { type CypherResult, type ExampleQuery, type Health, fetchExamples, fetchHealth, runCypher } from './console-api.ts';
import { errorOf, idleRun, reduceRun, resultOf } from '../state/cypher-run.ts';
import { CypherEditor, type EditorHandle } from './CypherEditor.tsx';
import { runInEngine } from './engine-client.ts';
import { type HistoryEntry, addToHistory, loadHistory, parseParams, saveHistory } from './history.ts';
import { ResultsTable } from './ResultsTable.tsx';

interface Props {
  onResult(result: CypherResult | null): void;
  onSelect(node: string): void;
  /** The snapshot the built-in engine reads when no Neo4j is configured. */
  snapshotUrl: string;
}

const FIRST_QUERY = 'MATCH (p:Paper)-[r:EVALUATED_ON]->(b:Benchmark)\nWHERE b.name = $benchmark\nRETURN p.title AS paper, b.name AS benchmark, p, r, b';

export function ConsolePanel({ onResult, onSelect, snapshotUrl }: Props) {
  const editor = useRef<EditorHandle>(null);
  const [params, setParams] = useState('{"benchmark": "KILT"}');
  const [health, setHealth] = useState<Health | null>(null);
  const [examples, setExamples] = useState<ExampleQuery[]>([]);
  const [history, setHistory] = useState<HistoryEntry[]>(() => loadHistory(window.localStorage));
  const [runState, dispatch] = useReducer(reduceRun, undefined, idleRun);
  const runs = useRef({ next: 0, abort: null as AbortController | null });
  const running = runState.status === 'running';
  const result = resultOf(runState);
  const error = errorOf(runState);

  // The map follows the console's result: lit while there is one, cleared otherwise.
  useEffect(() => onResult(result), [result, onResult]);

  useEffect(() => {
    void fetchHealth().then(setHealth);
    void fetchExamples().then(setExamples);
  }, []);

  const run = useCallback(async () => {
    const query = editor.current?.getText() ?? '';
    if (!query.trim()) return;
    const parsed = parseParams(params);
    if (!parsed.ok) return dispatch({ type: 'invalid', error: { status: 0, error: parsed.error } });
    // One query at a time: a new run aborts the one in flight, whose answer is then dropped.
    runs.current.abort?.abort();
    const abort = new AbortController();
    const id = ++runs.current.next;
    runs.current.abort = abort;
    dispatch({ type: 'start', run: id });
    const next = addToHistory(history, { query, params });
    setHistory(next);
    saveHistory(window.localStorage, next);
    const builtIn = (health ?? (await fetchHealth())).engine === 'built-in';
    // The built-in engine answers in a worker; a cancelled or superseded run's answer is dropped either way.
    const answer = builtIn ? await runInEngine(query, parsed.params, new URL(snapshotUrl, document.baseURI).href) : await runCypher(query, parsed.params, abort.signal);
    dispatch({ type: 'answer', run: id, answer });
    if (!answer.ok && answer.error.status === 503) setHealth({ connected: false, hint: answer.error.error, engine: 'neo4j' });
  }, [params, history, health, snapshotUrl]);

  const cancel = () => {
    runs.current.abort?.abort();
    dispatch({ type: 'cancel' });
  };

  const load = (query: string, p: string) => {
    editor.current?.setText(query);
    setParams(p);
    editor.current?.focus();
  };

  return (
    <section className="console" aria-labelledby="console-title">
      <div className="console-head">
        <h2 id="console-title">Cypher console</h2>
        {health?.engine === 'built-in' && (
          <p className="console-engine" role="status">
            No Neo4j here: the built-in engine runs your Cypher in the browser, read-only, over this map&apos;s snapshot.
          </p>
        )}
        {health && health.engine === 'neo4j' && !health.connected && (
          <p className="console-warning" role="status">
            {health.hint ?? 'Cypher needs a Neo4j.'} The rest of the explorer works without it.
          </p>
        )}
      </div>
      <div className="console-body">
        <div className="console-input">
          <CypherEditor ref={editor} initial={FIRST_QUERY} onRun={() => void run()} label="Cypher query (Ctrl+Enter runs it)" />
          <label className="params">
            Parameters (JSON)
            <textarea value={params} onChange={(e) => setParams(e.target.value)} rows={2} spellCheck={false} />
          </label>
          <div className="console-actions">
            <button type="button" onClick={() => void run()}>
              {running ? 'Run again (Ctrl+Enter)' : 'Run (Ctrl+Enter)'}
            </button>
            {running && (
              <button type="button" onClick={cancel}>
                Cancel
              </button>
            )}
            <label>
              History{' '}
              <select
                value=""
                onChange={(e) => {
                  const h = history[Number(e.target.value)];
                  if (h) load(h.query, h.params);
                }}
              >
                <option value="">{history.length ? `${history.length} earlier queries…` : 'empty'}</option>
                {history.map((h, i) => (
                  <option key={i} value={i}>
                    {h.query.replace(/\s+/g, ' ').slice(0, 80)}
                  </option>
                ))}
              </select>
            </label>
            {result && (
              <button type="button" className="link" onClick={() => dispatch({ type: 'clear' })}>
                Clear highlight
              </button>
            )}
          </div>
        </div>
        <nav className="gallery" aria-label="Example queries">
          <h3>Examples</h3>
          <ul>
            {examples.map((q) => (
              <li key={q.name}>
                <button type="button" className="node-link" title={q.description} onClick={() => load(q.text, Object.keys(q.params).length ? JSON.stringify(q.params) : '')}>
                  {q.name.replace(/-/g, ' ')}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div className="console-output" aria-live="polite">
        {error && (
          <div className="console-error" role="alert">
            <strong>{error.status ? `Error ${error.status}${error.kind ? ` (${error.kind})` : ''}` : 'Error'}</strong>
            <pre>{error.error}</pre>
            {error.position && <p>At line {error.position.line}, column {error.position.column}.</p>}
          </div>
        )}
        {result && (
          <>
            <p className="summary-line" data-testid="result-summary">
              {result.rows.length} rows{result.summary.truncated ? ' (truncated)' : ''} in {result.summary.timeMs} ms · {result.graph.nodes.length} nodes, {result.graph.relationships.length} relationships highlighted ·{' '}
              <span data-testid="result-engine">answered by {result.summary.engine === 'built-in' ? 'the built-in engine' : 'Neo4j'}</span>
            </p>
            <ResultsTable columns={result.columns} rows={result.rows} onSelect={onSelect} />
          </>
        )}
      </div>
    </section>
  );
}
