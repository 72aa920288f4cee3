import { afterEach, describe, expect, it, vi } from 'vitest';
import { STYLESHEET_WAIT_MS, loadStylesheet } from '../../src/markdown/load-stylesheet';

const links = (href: string) => document.head.querySelectorAll(`link[rel="stylesheet"][href="${href}"]`);

describe('loadStylesheet', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('links a stylesheet once, however often it is asked for, and resolves when it loads', async () => {
    const first = loadStylesheet('/assets/once.css');
    const second = loadStylesheet('/assets/once.css');
    expect(links('/assets/once.css')).toHaveLength(1);
    links('/assets/once.css')[0]!.dispatchEvent(new Event('load'));
    await expect(Promise.all([first, second])).resolves.toBeDefined();
  });

  it('shows the post anyway when the stylesheet fails', async () => {
    const loading = loadStylesheet('/assets/missing.css');
    links('/assets/missing.css')[0]!.dispatchEvent(new Event('error'));
    await expect(loading).resolves.toBeUndefined();
  });

  it('does not hold the post back when the stylesheet never answers', async () => {
    vi.useFakeTimers();
    let settled = false;
    void loadStylesheet('/assets/stalled.css').then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(STYLESHEET_WAIT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });

  it('takes a stylesheet the pre-rendered page links as loaded', async () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/assets/prerendered.css';
    document.head.append(link);
    await expect(loadStylesheet('/assets/prerendered.css')).resolves.toBeUndefined();
    expect(links('/assets/prerendered.css')).toHaveLength(1);
  });
});

describe('a post rendered after a client-side navigation', () => {
  it.each([
    [['callout'], ['writing']],
    [['html'], ['raw-html']],
    [['math'], ['katex', 'writing']],
    [['chart'], []],
  ])('with %j links %j before it shows', async (features, sheets) => {
    // A fresh module each time: a stylesheet once linked is never linked again.
    vi.resetModules();
    const { loadFeatureStyles } = await import('../../src/markdown/render-markdown');
    const before = new Set(document.head.querySelectorAll('link[rel="stylesheet"]'));
    let shown = false;
    const loading = loadFeatureStyles(features).then(() => (shown = true));
    const added = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter((link) => !before.has(link));
    expect(added.map((link) => /(katex|raw-html|writing)/.exec(link.getAttribute('href') ?? '')?.[1]).sort()).toEqual(sheets);
    await Promise.resolve();
    if (added.length > 0) expect(shown).toBe(false);
    for (const link of added) link.dispatchEvent(new Event('load'));
    await loading;
    expect(shown).toBe(true);
    for (const link of added) link.remove();
  });
});
