/** Sigma listens to window resizes only; the map also changes size when the console opens or closes. */
import { useSigma } from '@react-sigma/core';
import { useEffect } from 'react';

export function ResizeController() {
  const sigma = useSigma();
  useEffect(() => {
    const container = sigma.getContainer();
    let size = `${container.offsetWidth}x${container.offsetHeight}`;
    const observer = new ResizeObserver(() => {
      // The observer also reports the initial size; only a real change needs a new frame.
      const now = `${container.offsetWidth}x${container.offsetHeight}`;
      if (now === size) return;
      size = now;
      sigma.scheduleRender();
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, [sigma]);
  return null;
}
