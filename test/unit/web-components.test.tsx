// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildFixtureGraph, XSS_TITLE } from '../fixtures/explorer-snapshot.ts';
import { DetailsPanel } from '../../src/web/components/DetailsPanel.tsx';
import { Filters } from '../../src/web/components/Filters.tsx';
import { Legend } from '../../src/web/components/Legend.tsx';
import { SearchBox } from '../../src/web/components/SearchBox.tsx';
import { EmptyCorpus, LoadError, Loading } from '../../src/web/components/StatusScreen.tsx';
import { countVisible, visibleNodes } from '../../src/web/state/filters.ts';
import { clusterColors } from '../../src/web/state/palette.ts';
import { buildSearch } from '../../src/web/state/search-index.ts';
import { emptyView } from '../../src/web/state/view.ts';

const graph = buildFixtureGraph();
afterEach(cleanup);

describe('DetailsPanel', () => {
  it('renders a title with markup as text, never as an element', () => {
    const { container } = render(<DetailsPanel graph={graph} selected="paper:xss" onSelect={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(XSS_TITLE);
    expect(container.querySelector('img')).toBeNull();
  });

  it('highlights every linked mention of a paper abstract, and a mention selects its entity', () => {
    const onSelect = vi.fn();
    render(<DetailsPanel graph={graph} selected="paper:dense-retrieval" onSelect={onSelect} />);
    const abstract = document.querySelector('.abstract')!;
    const mentions = within(abstract as HTMLElement).getAllByRole('button');
    expect(mentions.map((m) => m.textContent)).toEqual(['question answering', 'KILT', 'Natural Questions', 'retrieval-augmented generation']);
    fireEvent.click(mentions[1]!);
    expect(onSelect).toHaveBeenCalledWith('benchmark:kilt');
  });

  it('lists the papers evaluated on a benchmark with their evidence, and the benchmarks they share', () => {
    render(<DetailsPanel graph={graph} selected="benchmark:kilt" onSelect={() => {}} />);
    const list = screen.getByRole('list', { name: 'Papers linked to KILT' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    for (const item of items) expect(item.querySelector('blockquote mark')!.textContent).toBe('KILT');
    const shared = screen.getByRole('list', { name: 'Other benchmarks these papers share' });
    expect(within(shared).getAllByRole('button').map((b) => b.textContent)).toEqual(['Natural Questions', 'TriviaQA']);
  });

  it('shows PART_OF for a dataset inside a suite', () => {
    render(<DetailsPanel graph={graph} selected="dataset:qnli" onSelect={() => {}} />);
    expect(screen.getByText(/Part of/).textContent).toContain('GLUE');
  });

  it('says so when the selected node is not in the graph', () => {
    render(<DetailsPanel graph={graph} selected="paper:missing" onSelect={() => {}} />);
    expect(screen.getByText(/is not in this graph/)).toBeTruthy();
  });
});

describe('SearchBox', () => {
  it('offers hits as a listbox and chooses with the keyboard', () => {
    const onChoose = vi.fn();
    let query = '';
    const index = buildSearch(graph);
    const { rerender } = render(<SearchBox index={index} query={query} onQuery={(q) => (query = q)} onChoose={onChoose} />);
    const input = screen.getByRole('combobox', { name: /Search papers/ });
    fireEvent.change(input, { target: { value: 'KILT' } });
    rerender(<SearchBox index={index} query={query} onQuery={(q) => (query = q)} onChoose={onChoose} />);
    const options = screen.getAllByRole('option');
    expect(options[0]!.textContent).toContain('KILT');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChoose).toHaveBeenCalledWith('benchmark:kilt');
  });
});

describe('Filters and Legend', () => {
  it('shows visible counts and toggles a kind', () => {
    const onToggleKind = vi.fn();
    const visible = visibleNodes(graph, { ...emptyView(), hiddenKinds: ['Concept'] });
    render(<Filters counts={countVisible(graph, visible)} hiddenKinds={['Concept']} minDegree={0} maxDegree={5} onToggleKind={onToggleKind} onMinDegree={() => {}} />);
    expect(screen.getByTestId('visible-count').textContent).toBe(`Showing ${graph.order - 2} of ${graph.order} nodes`);
    const concept = screen.getByRole('checkbox', { name: /Concept/ }) as HTMLInputElement;
    expect(concept.checked).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: /Paper/ }));
    expect(onToggleKind).toHaveBeenCalledWith('Paper');
    expect(screen.getByRole('slider', { name: /Minimum degree/ })).toBeTruthy();
  });

  it('lists clusters with label, size and colour, and filters by them', () => {
    const onToggle = vi.fn();
    const onOnly = vi.fn();
    const clusters = graph.getAttribute('clusters');
    render(<Legend clusters={clusters} colors={clusterColors(graph)} hiddenClusters={[]} onToggle={onToggle} onOnly={onOnly} onAll={() => {}} />);
    const box = screen.getByRole('checkbox', { name: /object detection · COCO/ });
    expect(box.closest('label')!.textContent).toContain('3');
    fireEvent.click(box);
    expect(onToggle).toHaveBeenCalledWith(2);
    fireEvent.click(screen.getByRole('button', { name: 'Show only cluster question answering · KILT' }));
    expect(onOnly).toHaveBeenCalledWith(0);
  });
});

describe('status screens', () => {
  it('shows progress while loading', () => {
    render(<Loading progress={{ loaded: 512 * 1024, total: 1024 * 1024 }} />);
    expect(screen.getByRole('status').textContent).toContain('50%');
  });
  it('shows the reason a snapshot cannot be read, as text', () => {
    render(<LoadError message={'graph.json is not valid JSON (<b>boom</b>).'} />);
    expect(screen.getByRole('alert').textContent).toContain('graph.json is not valid JSON (<b>boom</b>).');
    expect(document.querySelector('.message b')).toBeNull();
  });
  it('explains an empty corpus', () => {
    render(<EmptyCorpus />);
    expect(screen.getByRole('status').textContent).toContain('no papers');
  });
});
