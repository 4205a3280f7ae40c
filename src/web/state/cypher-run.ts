/**
 * The Cypher results domain: one query at a time, as a small state machine. Each run has an id;
 * an answer is taken only while its own run is the one running, so a second Ctrl+Enter (or a cancel) never
 * lets an older, slower answer overwrite a newer one.
 */
import type { CypherError, CypherResult } from '../../model/api.ts';

export type RunState =
  | { status: 'idle'; run: number }
  | { status: 'running'; run: number }
  | { status: 'done'; run: number; result: CypherResult }
  | { status: 'failed'; run: number; error: CypherError };

export type RunAction =
  | { type: 'start'; run: number }
  | { type: 'answer'; run: number; answer: { ok: true; result: CypherResult } | { ok: false; error: CypherError } }
  | { type: 'cancel' }
  | { type: 'clear' }
  | { type: 'invalid'; error: CypherError };

export const idleRun = (): RunState => ({ status: 'idle', run: 0 });

export function reduceRun(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case 'start':
      return { status: 'running', run: action.run };
    case 'answer':
      if (state.status !== 'running' || action.run !== state.run) return state;
      return action.answer.ok ? { status: 'done', run: state.run, result: action.answer.result } : { status: 'failed', run: state.run, error: action.answer.error };
    case 'cancel':
      // No longer running, so the cancelled query's answer, if it still comes, is dropped.
      return state.status === 'running' ? { status: 'failed', run: state.run, error: { status: 0, error: 'Query cancelled.', kind: 'cancelled' } } : state;
    case 'clear':
      return state.status === 'running' ? state : { status: 'idle', run: state.run };
    case 'invalid':
      return state.status === 'running' ? state : { status: 'failed', run: state.run, error: action.error };
  }
}

export const resultOf = (s: RunState): CypherResult | null => (s.status === 'done' ? s.result : null);
export const errorOf = (s: RunState): CypherError | null => (s.status === 'failed' ? s.error : null);
