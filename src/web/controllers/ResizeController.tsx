/** Sigma listens to window resizes only; the map also changes size when the console opens or closes. */
import { useSigma } from '@react-sigma/core';
import { useEffect } from 'react';

export function ResizeController() {
  const sigma = useSigma();
  useEffect(() => {
    const observer = new ResizeObserver(() => sigma.scheduleRender());
    observer.observe(sigma.getContainer());
    return () => observer.disconnect();
  }, [sigma]);
  return null;
}
