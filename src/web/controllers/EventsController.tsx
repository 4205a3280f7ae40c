/** Pointer events on the map: hover sets the focus, a click selects, a click on empty space clears. */
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
        container.style.cursor = 'pointer';
        onHover(node);
      },
      leaveNode: () => {
        container.style.cursor = '';
        onHover(null);
      },
      clickNode: ({ node }) => onSelect(node),
      clickStage: () => onSelect(null),
    });
  }, [sigma, register, onHover, onSelect]);
  return null;
}
