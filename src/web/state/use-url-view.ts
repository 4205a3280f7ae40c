/**
 * The view state, mirrored in the URL: steps the user takes (select, filter) push a history entry so
 * back/forward walk through them; typing and camera moves replace the current entry.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeView, encodeView } from './url-state.ts';
import { type ViewAction, type ViewState, isHistoryStep, reduceView } from './view.ts';

export function useUrlView(): [ViewState, (action: ViewAction) => void] {
  const [view, setView] = useState<ViewState>(() => decodeView(window.location.search));
  const current = useRef(view);

  const dispatch = useCallback((action: ViewAction) => {
    const next = reduceView(current.current, action);
    const url = encodeView(next);
    current.current = next;
    setView(next);
    const target = `${window.location.pathname}${url}${window.location.hash}`;
    if (target === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    if (isHistoryStep(action)) window.history.pushState(null, '', target);
    else window.history.replaceState(null, '', target);
  }, []);

  useEffect(() => {
    const onPop = () => {
      const next = decodeView(window.location.search);
      current.current = next;
      setView(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  return [view, dispatch];
}
