/**
 * Draws a post's ```mermaid diagrams in the browser, in the reader's colour scheme, and draws
 * them again when the scheme changes. Loaded (with mermaid, which is large) only by pages whose
 * post lists the `mermaid` feature. Works on the figures `DiagramBlock` writes, whether they came
 * pre-rendered or from the renderer: it only fills their drawing and folds their source.
 */
import mermaid from 'mermaid';

type Scheme = 'light' | 'dark';

let ids = 0;

/** The scheme the page shows: the reader's choice (public/theme.js, the theme toggle), else the system's. */
function scheme(): Scheme {
  const chosen = document.documentElement.getAttribute('data-theme');
  if (chosen === 'dark' || chosen === 'light') return chosen;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

async function drawOne(figure: HTMLElement, current: Scheme) {
  const source = figure.querySelector('pre code')?.textContent ?? '';
  const drawing = figure.querySelector<HTMLElement>('.diagram-drawing');
  const details = figure.querySelector('details');
  if (!drawing) return;
  try {
    ids += 1;
    const { svg } = await mermaid.render(`quire-diagram-${ids}`, source);
    // mermaid's output, sanitised by mermaid itself (securityLevel "strict": labels are text, no scripts or links).
    drawing.innerHTML = svg;
    drawing.hidden = false;
    figure.dataset.drawn = current;
    if (details && figure.dataset.folded === undefined) {
      details.open = false;
      figure.dataset.folded = '';
    }
  } catch (error) {
    // The source stays open; say why there is no drawing.
    drawing.hidden = false;
    drawing.textContent = `The diagram could not be drawn: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    drawing.classList.add('diagram-failed');
    figure.dataset.drawn = 'failed';
  }
}

/** Draws every diagram in the container in the current scheme. */
async function drawDiagrams(container: HTMLElement): Promise<void> {
  const current = scheme();
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', suppressErrorRendering: true, theme: current === 'dark' ? 'dark' : 'default' });
  for (const figure of container.querySelectorAll<HTMLElement>('figure[data-diagram="mermaid"]')) {
    if (figure.dataset.drawn !== current) await drawOne(figure, current);
  }
}

/**
 * Draws the container's diagrams now, when more appear (a post rendered after its view), and
 * whenever the colour scheme changes. Returns the function that stops watching.
 */
export function watchDiagrams(container: HTMLElement): () => void {
  let queue = Promise.resolve();
  const redraw = () => {
    queue = queue.then(() => drawDiagrams(container));
  };
  redraw();
  const theme = new MutationObserver(redraw);
  theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const added = new MutationObserver(() => {
    if (container.querySelector('figure[data-diagram="mermaid"]:not([data-drawn])')) redraw();
  });
  added.observe(container, { childList: true, subtree: true });
  const system = window.matchMedia?.('(prefers-color-scheme: dark)');
  system?.addEventListener('change', redraw);
  return () => {
    theme.disconnect();
    added.disconnect();
    system?.removeEventListener('change', redraw);
  };
}
