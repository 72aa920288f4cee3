import { type RefObject, useEffect } from 'react';
import { type NavigateFunction, useNavigate } from 'react-router-dom';
import { copyText } from './copy-text';

/** How long "Copied" stays on the button before it reads "Copy" again. */
export const COPIED_FOR_MS = 2000;

const resets = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/**
 * Copies a code block's code (or what writing-behaviour.ts told the button to copy: a shell
 * session's commands) and says so on its button and to screen readers.
 */
async function copyCode(button: HTMLButtonElement) {
  const block = button.closest('.code-block');
  const code = block?.querySelector('pre code') ?? block?.querySelector('pre');
  if (!block || !code) return;
  const label = button.getAttribute('aria-label') ?? 'Copy code';
  const copied = await copyText(button.dataset.copyText ?? (code.textContent ?? '').replace(/\n$/, ''));
  if (!copied) {
    // Leave the code selected so the reader can copy it with the keyboard.
    window.getSelection()?.selectAllChildren(code);
  }
  const status = block.querySelector('[role="status"]');
  if (copied) {
    button.textContent = 'Copied';
    button.setAttribute('aria-label', 'Copied');
  }
  if (status) status.textContent = copied ? 'Copied' : 'Could not copy; the code is selected instead';
  clearTimeout(resets.get(button));
  resets.set(
    button,
    setTimeout(() => {
      button.textContent = 'Copy';
      button.setAttribute('aria-label', label === 'Copied' ? 'Copy code' : label);
      if (status) status.textContent = '';
    }, COPIED_FOR_MS),
  );
}

/**
 * The URL inside the app that a click on a link should navigate to, or undefined when the
 * browser should follow it itself: other sites, new tabs, downloads, anchors on this page, and
 * files (media, feeds) that the router has no page for.
 */
export function appPath(link: HTMLAnchorElement, event: MouseEvent, base: string): string | undefined {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  if (link.target && link.target !== '_self') return undefined;
  if (link.hasAttribute('download') || !link.hasAttribute('href')) return undefined;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin || !url.pathname.startsWith(base)) return undefined;
  const path = url.pathname.slice(base.length - 1);
  // A file (a PDF beside the post, a feed) is loaded as the file it is.
  if (/\.[a-z0-9]+$/i.test(path) || path.startsWith('/media/')) return undefined;
  if (path === window.location.pathname.slice(base.length - 1) && url.search === window.location.search && url.hash) return undefined;
  return `${path}${url.search}${url.hash}`;
}

function onArticleClick(event: MouseEvent, navigate: NavigateFunction) {
  const target = event.target instanceof Element ? event.target : null;
  const button = target?.closest<HTMLButtonElement>('button.code-block-copy');
  if (button) {
    void copyCode(button);
    return;
  }
  const link = target?.closest('a');
  if (!link) return;
  const path = appPath(link, event, import.meta.env.BASE_URL);
  if (path === undefined) return;
  event.preventDefault();
  void navigate(path);
}

/**
 * What an article's markup does, by delegation from its container: Copy buttons copy, and links
 * to the site's own pages navigate in the app. Delegation works on HTML that React rendered and
 * on pre-rendered HTML it never touches, which is how a post first loads. What writers add
 * (shell sessions, videos, diagrams) is writing-behaviour.ts's, loaded by the articles that have it.
 */
export function useArticleBehaviour(ref: RefObject<HTMLElement | null>) {
  const navigate = useNavigate();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const listener = (event: MouseEvent) => onArticleClick(event, navigate);
    element.addEventListener('click', listener);
    return () => element.removeEventListener('click', listener);
  }, [ref, navigate]);
}
