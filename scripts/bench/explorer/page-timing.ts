/**
 * Timing a page of the explorer in headless Chromium: the load up to its first render with the
 * page's own marks, and frame and render times while a pan (and zoom) plays through real input
 * events. Shared by the whole-graph and the map parts of the explorer benchmark.
 */
import type { Page } from 'playwright-core';

export interface Measure {
  firstRenderMs: number;
  /** The explorer's own marks on the way to the first render (fetched, parsed, ...), in ms. */
  marks: Record<string, number>;
  frameMean: number;
  frameP95: number;
  frames: number;
  renderMean: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);

export async function measure(page: Page, url: string): Promise<Measure> {
  const loaded = await load(page, url);
  return { ...loaded, ...(await playInput(page)) };
}

/** The page opened and drawn: its first render and its own marks on the way, in ms since navigation. */
export async function load(page: Page, url: string): Promise<Pick<Measure, 'firstRenderMs' | 'marks'>> {
  // A page that throws never renders: say so at once instead of at the timeout.
  const failed = new Promise<never>((_, reject) => page.once('pageerror', (err) => reject(new Error(`${url}: ${err.message}`))));
  failed.catch(() => undefined);
  await page.goto(url);
  await Promise.race([page.waitForSelector('html[data-rendered=true]', { state: 'attached', timeout: 300_000 }), failed]);
  const firstRenderMs = await page.evaluate(() => window.papergraph!.firstRenderMs!);
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('papergraph:')).map((m) => [m.name.slice(11), Math.round(m.startTime)])),
  );
  await page.waitForTimeout(500);
  return { firstRenderMs, marks };
}

/** A mouse drag (pan), then unless `zoom` is false wheel steps in and out, with frame and render times recorded. */
export async function playInput(page: Page, { zoom = true } = {}): Promise<Omit<Measure, 'firstRenderMs' | 'marks'>> {
  // Record frame intervals and Sigma render durations while the input plays.
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __renders: number[]; __stop: boolean };
    w.__frames = [];
    w.__renders = [];
    w.__stop = false;
    const { sigma } = window.papergraph!;
    let began = 0;
    sigma.on('beforeRender', () => (began = performance.now()));
    sigma.on('afterRender', () => began && w.__renders.push(performance.now() - began));
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const box = (await page.locator('canvas').first().boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(cx + 200 * Math.sin(i / 10), cy + 120 * Math.sin(i / 7));
  await page.mouse.up();
  for (let i = 0; zoom && i < 24; i++) {
    await page.mouse.wheel(0, i < 12 ? -120 : 120);
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(300);
  const { frames, renders } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __renders: number[]; __stop: boolean };
    w.__stop = true;
    return { frames: w.__frames.slice(1), renders: w.__renders };
  });
  return { frameMean: mean(frames), frameP95: pct(frames, 0.95), frames: frames.length, renderMean: mean(renders) };
}
