/**
 * CodeMirror 6 editor for Cypher: highlighting, schema completion, history keys of its own, and
 * Ctrl/Cmd+Enter to run. The text is read through a ref handle so typing does not re-render React.
 */
import { autocompletion, closeBrackets, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { cypherCompletions, cypherHighlight, cypherLanguage } from './cypher-language.ts';

/** The style nonce `papergraph serve` put in the page (absent under the Vite dev server). */
function cspNonce(): string | null {
  const value = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
  return value && !value.startsWith('{{') ? value : null;
}

export interface EditorHandle {
  getText(): string;
  setText(text: string): void;
  focus(): void;
}

interface Props {
  initial: string;
  onRun(): void;
  label: string;
}

export const CypherEditor = forwardRef<EditorHandle, Props>(function CypherEditor({ initial, onRun, label }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const run = useRef(onRun);
  run.current = onRun;

  useEffect(() => {
    const state = EditorState.create({
      doc: initial,
      extensions: [
        lineNumbers(),
        history(),
        bracketMatching(),
        closeBrackets(),
        cypherLanguage,
        syntaxHighlighting(cypherHighlight),
        autocompletion({ override: [cypherCompletions] }),
        placeholder('MATCH (p:Paper)-[:EVALUATED_ON]->(b:Benchmark {name: $benchmark}) RETURN p, b'),
        keymap.of([
          { key: 'Mod-Enter', run: () => (run.current(), true), preventDefault: true },
          ...completionKeymap,
          ...historyKeymap,
          ...defaultKeymap,
        ]),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.lineWrapping,
        ...(cspNonce() ? [EditorView.cspNonce.of(cspNonce()!)] : []),
      ],
    });
    const v = new EditorView({ state, parent: host.current! });
    view.current = v;
    return () => v.destroy();
    // The editor is created once; later text changes go through the handle.
  }, []);

  useImperativeHandle(ref, () => ({
    getText: () => view.current?.state.doc.toString() ?? '',
    setText: (text: string) => {
      const v = view.current;
      if (v) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
    },
    focus: () => view.current?.focus(),
  }));

  return <div className="cypher-editor" ref={host} />;
});
