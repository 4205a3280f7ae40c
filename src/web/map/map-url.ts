/** The map view in the URL: `?map=1&open=0,0.3&node=<id>&years=2015-2020&hideKinds=Concept,Task`, so a view is a link. */
export interface MapUrl {
  open: string[];
  node: string | null;
  years: [number, number] | null;
  /** Kinds the filters hide; the same parameter as the whole-graph view's. */
  hiddenKinds: string[];
}

export function readMapUrl(search: string): MapUrl {
  const p = new URLSearchParams(search);
  const open = (p.get('open') ?? '').split(',').filter((id) => /^\d+(\.\d+)*$/.test(id));
  const y = /^(\d{1,4})-(\d{1,4})$/.exec(p.get('years') ?? '');
  const hiddenKinds = (p.get('hideKinds') ?? '').split(',').filter(Boolean);
  return { open, node: p.get('node'), years: y ? [Number(y[1]), Number(y[2])] : null, hiddenKinds };
}

export function writeMapUrl(state: MapUrl): void {
  const p = new URLSearchParams(window.location.search);
  p.set('map', '1');
  const put = (k: string, v: string | null) => (v ? p.set(k, v) : p.delete(k));
  put('open', state.open.join(','));
  put('node', state.node);
  put('years', state.years ? `${state.years[0]}-${state.years[1]}` : null);
  put('hideKinds', [...state.hiddenKinds].sort().join(','));
  window.history.replaceState(null, '', `${window.location.pathname}?${p.toString().replace(/%2C/g, ',')}${window.location.hash}`);
}
