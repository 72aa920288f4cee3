import { loadVideo } from './video-embed';

/**
 * What the markup writers add needs of code in the browser: Copy in a shell session copies the
 * commands alone, a Play button loads its video, and diagrams are drawn. Only the pages whose
 * article has such markup load this module (see `needsArticleCode`): the pre-rendered page links
 * it as a module script, and the markdown renderer imports it for a post it renders after a
 * client-side navigation. It starts itself, once, and works on the whole document by delegation,
 * so every article shown later in the same visit is covered too.
 */

/**
 * What Copy copies from a code block: its code, except in a shell session (the pre has
 * `data-session`), where it is the commands alone, without their `$ `, `# ` or `> ` prompts and
 * without their output (the lines are marked by the code-meta plugin). A session with no prompt
 * at all is copied whole.
 */
export function codeToCopy(code: Element): string {
  const session = code.closest('pre')?.hasAttribute('data-session');
  const commands = session ? [...code.querySelectorAll('.code-line[data-command]')] : [];
  if (commands.length === 0) return (code.textContent ?? '').replace(/\n$/, '');
  return commands
    .map((line) => {
      const text = (line.textContent ?? '').replace(/\n$/, '');
      return line.getAttribute('data-command') === 'prompt' ? text.replace(/^[$#>] ?/, '') : text;
    })
    .join('\n');
}

/**
 * Before the article's own handler: a shell session's Copy button is told what to copy (the
 * handler copies what it is told, else every line), and a Play button loads its video.
 */
function onClick(event: MouseEvent) {
  const target = event.target instanceof Element ? event.target : null;
  const copy = target?.closest<HTMLButtonElement>('.prose button.code-block-copy');
  const session = copy?.closest('.code-block')?.querySelector('pre[data-session] code');
  if (copy && session) {
    copy.dataset.copyText = codeToCopy(session);
    return;
  }
  const play = target?.closest<HTMLButtonElement>('.prose button.embed-play');
  if (play) {
    event.stopPropagation();
    loadVideo(play);
  }
}

/**
 * Draws the diagrams once the app has hydrated the page (drawing changes the article, which the
 * app must find as it was rendered), loading mermaid the first time a diagram is on the page.
 */
function watchForDiagrams() {
  const root = document.documentElement;
  let started = false;
  const start = () => {
    if (started || root.dataset.ready === undefined || !document.querySelector('figure[data-diagram="mermaid"]')) return;
    started = true;
    observer.disconnect();
    import('../diagram/draw-diagrams')
      .then((module) => module.watchDiagrams(document.body))
      // Offline, or a deploy replaced the chunk: the diagrams stay readable as their source.
      .catch(() => undefined);
  };
  const observer = new MutationObserver(start);
  observer.observe(root, { attributes: true, attributeFilter: ['data-ready'], childList: true, subtree: true });
  start();
}

let running = false;

/** Starts the behaviour for the whole document; later calls do nothing. */
export function startWritingBehaviour(): void {
  if (running || typeof document === 'undefined') return;
  running = true;
  document.addEventListener('click', onClick, true);
  watchForDiagrams();
}

startWritingBehaviour();
