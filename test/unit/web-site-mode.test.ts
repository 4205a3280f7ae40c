// @vitest-environment happy-dom
/**
 * How the explorer tells a published site from `papergraph serve`: the tag publish writes into the
 * page (read from pages the real CLI wrote), and no tag in the built page serve sends.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteMode } from '../../src/web/state/site.ts';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'bin', 'papergraph.js');
const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');
/** A written page's meta tags only: the test DOM would try to fetch its stylesheet. */
const metas = (file: string) => page((readFileSync(file, 'utf8').match(/<meta[^>]*>/g) ?? []).join(''));

describe('siteMode', () => {
  it('is not a published site without the tag (the page papergraph serve sends)', () => {
    expect(siteMode(page('<html><head><meta charset="utf-8" /></head><body></body></html>'))).toEqual({ published: false, map: false });
  });

  it('reads whether the site has a map', () => {
    expect(siteMode(page('<head><meta name="papergraph-site" content="static map"></head>'))).toEqual({ published: true, map: true });
    expect(siteMode(page('<head><meta name="papergraph-site" content="static"></head>'))).toEqual({ published: true, map: false });
  });

  // The page `papergraph publish` really writes, for a snapshot without a map and then with one.
  it.skipIf(!existsSync(join(REPO, 'dist', 'index.html')))('reads the tag from the page publish writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'papergraph-site-mode-'));
    copyFileSync(join(REPO, 'test', 'fixtures', 'neo4j', 'mini-snapshot.json'), join(dir, 'graph.json'));
    const publish = () => {
      const site = mkdtempSync(join(tmpdir(), 'papergraph-site-mode-site-'));
      execFileSync(process.execPath, [CLI, 'publish', dir, '--out', site], { cwd: REPO });
      return siteMode(metas(join(site, 'index.html')));
    };
    expect(publish()).toEqual({ published: true, map: false });
    execFileSync(process.execPath, [CLI, 'map', dir], { cwd: REPO });
    expect(publish()).toEqual({ published: true, map: true });
    expect(siteMode(metas(join(REPO, 'dist', 'index.html')))).toEqual({ published: false, map: false });
  }, 60_000);
});
