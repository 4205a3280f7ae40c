/** Keyboard-reachable camera buttons (the canvas itself takes no keyboard focus). */
import { useCamera } from '@react-sigma/core';

export function ZoomControls() {
  const { zoomIn, zoomOut, reset } = useCamera({ duration: 250, factor: 1.5 });
  return (
    <div className="zoom-tools" role="toolbar" aria-label="Camera">
      <button type="button" onClick={() => zoomIn()} aria-label="Zoom in">
        +
      </button>
      <button type="button" onClick={() => zoomOut()} aria-label="Zoom out">
        −
      </button>
      <button type="button" onClick={() => reset()} aria-label="Reset view">
        ⟲
      </button>
    </div>
  );
}
