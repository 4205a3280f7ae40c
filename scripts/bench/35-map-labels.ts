/**
 * The map view's label placement (src/web/map/label-placement.ts), which runs after every frame:
 * on a real map's top level and inside its largest leaf, framed in a 1280x800 view as the map view
 * frames them. Figures: one placement on the first frame (nothing cached yet, the baseline) and on
 * each later frame (text widths and wraps reused), and their ratio. Text is measured by a fixed
 * width per character, as Node has no canvas; the browser's measureText is cached the same way.
 * The map comes from BENCH_MAP_LABELS_DIR (a folder with map/, e.g. from `papergraph ingest`), else
 * the real corpus (../shared) is ingested into a temporary folder first.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { clusterFileName, clusterPath, type MapClusterFile, type MapTop } from '../../src/model/map.ts';
import { placeLabels, type LabelCandidate } from '../../src/web/map/label-placement.ts';
import { fillMapGraph } from '../../src/web/map/map-graph.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const VIEW = { width: 1280, height: 800 };
const measure = (text: string, size: number, bold: boolean) => text.length * size * (bold ? 0.6 : 0.55);

/** Screen candidates of the graph with `disc` (map units) filling `fill` of the view's shorter side, centred. */
function candidates(graph: Graph, disc: { x: number; y: number; r: number }, fill: number): LabelCandidate[] {
  const k = (fill * Math.min(VIEW.width, VIEW.height)) / (2 * disc.r);
  const out: LabelCandidate[] = [];
  graph.forEachNode((key, a) => {
    const cx = VIEW.width / 2 + (a.x - disc.x) * k;
    const cy = VIEW.height / 2 - (a.y - disc.y) * k;
    const r = a.size * k;
    if (cx + r < 0 || cy + r < 0 || cx - r > VIEW.width || cy - r > VIEW.height) return;
    const isDisc = a.kind === 'Cluster';
    if (!isDisc && r < 2.5) return;
    out.push({ key, prio: isDisc ? 1e9 + a.papers : r, cx, cy, r, texts: isDisc ? a.variants : [String(a.label ?? a.name ?? '')], disc: isDisc });
  });
  return out;
}

function time(cands: LabelCandidate[]): { cold: number; warm: number; placed: number } {
  const runs = 50;
  let t = performance.now();
  for (let i = 0; i < runs; i++) placeLabels(cands, VIEW, measure);
  const cold = (performance.now() - t) / runs;
  const wraps = new Map<string, string[]>();
  const placed = placeLabels(cands, VIEW, measure, wraps).length;
  t = performance.now();
  for (let i = 0; i < runs; i++) placeLabels(cands, VIEW, measure, wraps);
  return { cold, warm: (performance.now() - t) / runs, placed };
}

export async function run(): Promise<void> {
  const given = process.env.BENCH_MAP_LABELS_DIR;
  const dir = given ?? mkdtempSync(join(tmpdir(), 'pg-bench-labels-'));
  try {
    if (!given) {
      const inputs = [resolve(REPO, '..', 'shared', 'data', 'real-formats'), resolve(REPO, '..', 'shared', 'corpus', 'ml-abstracts.jsonl')];
      execFileSync(process.execPath, [join(REPO, 'bin', 'papergraph.js'), 'ingest', ...inputs, '--out', dir, '--quiet'], { cwd: REPO, stdio: 'ignore' });
    }
    const read = <T>(file: string) => JSON.parse(readFileSync(join(dir, 'map', file), 'utf8')) as T;
    const top = read<MapTop>('top.json');
    const clusters = read<{ id: string; leaf: boolean; papers: number; x: number; y: number; r: number }[]>('clusters.json');
    const graph = new Graph({ type: 'directed', multi: false });
    const whole = { x: (top.bbox.x[0] + top.bbox.x[1]) / 2, y: (top.bbox.y[0] + top.bbox.y[1]) / 2, r: Math.max(top.bbox.x[1] - top.bbox.x[0], top.bbox.y[1] - top.bbox.y[0]) / 2 };
    fillMapGraph(graph, { top, files: new Map(), open: new Set(), years: null });
    const scenes: [string, LabelCandidate[]][] = [[`top level (${graph.order} discs)`, candidates(graph, whole, 0.92)]];
    const leaf = clusters.filter((c) => c.leaf).sort((a, b) => b.papers - a.papers)[0]!;
    const files = new Map(clusterPath(leaf.id).map((id) => [id, read<MapClusterFile>(clusterFileName(id))] as const));
    fillMapGraph(graph, { top, files, open: new Set(files.keys()), years: null });
    scenes.push([`inside leaf ${leaf.id} (${leaf.papers} papers, ${graph.order} nodes and discs)`, candidates(graph, leaf, 0.8)]);
    for (const [name, cands] of scenes) {
      const t = time(cands);
      console.log(`${name}: ${cands.length} candidates, ${t.placed} labels placed`);
      console.log(`  first frame (nothing cached, baseline) ${t.cold.toFixed(2)} ms, each later frame ${t.warm.toFixed(2)} ms: ratio ${(t.warm / t.cold).toFixed(2)}x`);
    }
  } finally {
    if (!given) rmSync(dir, { recursive: true, force: true });
  }
}
