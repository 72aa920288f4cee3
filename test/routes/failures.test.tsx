import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fixtureFiles, renderApp, stubFetch } from '../testing/render-app';

vi.mock('../../src/markdown/render-markdown', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/markdown/render-markdown')>();
  return {
    ...original,
    MarkdownContent: (props: { children: string }) => {
      if (props.children.includes('RENDER-BOMB')) throw new Error('the renderer broke');
      return original.MarkdownContent(props as never);
    },
  };
});

describe('failures while reading', () => {
  it('keeps the site usable when the home page data is damaged, and recovers on retry', async () => {
    const files = fixtureFiles();
    let damaged = true;
    stubFetch(files, (file) => (damaged && file === 'data/pages/1.json' ? new Response('{"version":1,"page":') : undefined));
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/something other than the expected data/);
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    damaged = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Featured post' })).toBeInTheDocument();
  });

  it('says when the site was updated to an incompatible version', async () => {
    const files = fixtureFiles();
    stubFetch(files, (file) => (file === 'data/tags.json' ? new Response(files.get(file)!.replace('"version":1', '"version":9')) : undefined));
    renderApp('/tags/');
    expect(await screen.findByRole('alert')).toHaveTextContent(/Reload the page/);
  });

  it('shows an error with a retry when even the site settings cannot load, never a blank page', async () => {
    let offline = true;
    stubFetch(fixtureFiles(), () => (offline ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Could not reach the site/);
    offline = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Recent posts' })).toBeInTheDocument();
  });

  it('catches a render error inside a post without taking down the rest of the page', async () => {
    const files = fixtureFiles();
    const post = JSON.parse(files.get('data/posts/oom-killer.json')!);
    files.set('data/posts/oom-killer.json', JSON.stringify({ ...post, markdown: 'RENDER-BOMB' }));
    stubFetch(files);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderApp('/posts/oom-killer/');
    expect(await screen.findByRole('alert')).toHaveTextContent('the renderer broke');
    expect(screen.getByRole('link', { name: 'Fixture Notes' })).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
  });

  it('shows progress while a slow page loads instead of freezing', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const files = fixtureFiles();
    stubFetch(files, async (file) => {
      if (file !== 'data/posts/oom-killer.json') return undefined;
      await gate;
      return new Response(files.get(file));
    });
    renderApp('/');
    await userEvent.click(await screen.findByRole('link', { name: 'Reading an OOM kill' }));
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'true');
    release();
    expect(await screen.findByRole('heading', { level: 1, name: 'Reading an OOM kill' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'false');
  });
});
