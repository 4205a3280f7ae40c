/**
 * Pointer events on the map: hover sets the focus, a click selects, a click on empty space clears.
 * Hover is ignored while a button is held: a drag sweeps across many nodes, and re-highlighting
 * each of them would cost a refresh per node on a large graph.
 */
import { useRegisterEvents, useSigma } from '@react-sigma/core';
import { useEffect } from 'react';

interface Props {
  onHover(node: string | null): void;
  onSelect(node: string | null): void;
}

export function EventsController({ onHover, onSelect }: Props) {
  const sigma = useSigma();
  const register = useRegisterEvents();
  useEffect(() => {
    const container = sigma.getContainer();
    register({
      enterNode: ({ node }) => {
        if (sigma.getMouseCaptor().isMouseDown) return;
        container.style.cursor = 'pointer';
        onHover(node);
      },
      leaveNode: () => {
        container.style.cursor = '';
        onHover(null);
      },
      downStage: () => onHover(null),
      // Sigma 3.0 emits leaveNode when the pointer leaves the map but keeps the node as hovered, so
      // coming back onto the same node would never re-highlight it; forget it here.
      leaveStage: () => {
        (sigma as unknown as { hoveredNode: string | null }).hoveredNode = null;
      },
      clickNode: ({ node }) => onSelect(node),
      clickStage: () => onSelect(null),
    });
  }, [sigma, register, onHover, onSelect]);
  return null;
}
