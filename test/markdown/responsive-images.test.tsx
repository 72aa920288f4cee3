/**
 * Images in posts, through the one pipeline: the build's HTML and the browser's must be the same
 * `<picture>`, made from the same data in the post file.
 */
import { describe, expect, it } from 'vitest';
import type { ImageInfo } from '../../src/markdown/image-info';
import { browserHtml, buildHtml } from './render-paths';

const photo: ImageInfo = { width: 2400, height: 1200, variants: { stem: 'photo-0123456789ab', widths: [480, 960, 1600], formats: ['avif', 'webp'] } };
const small: ImageInfo = { width: 300, height: 200, variants: { stem: 'small-0123456789ab', widths: [300], formats: ['avif', 'webp'] } };
const diagram: ImageInfo = { width: 900, height: 440 };
const downloaded: ImageInfo = {
  width: 640,
  height: 480,
  src: 'media/remote/abc.png',
  variants: { stem: 'abc-0123456789ab', widths: [480, 640], formats: ['avif', 'webp'] },
};
const failed: ImageInfo = { width: 0, height: 0, link: true };

const images = {
  './photo.jpg': photo,
  './small.png': small,
  './diagram.svg': diagram,
  'https://elsewhere.example/pixel.png': downloaded,
  'https://gone.example/x.png': failed,
};

/** Both renderings, checked equal, parsed for inspection. */
async function rendered(markdown: string) {
  const build = buildHtml(markdown, { images });
  expect(await browserHtml(markdown, { images })).toBe(build);
  const body = new DOMParser().parseFromString(build, 'text/html').body;
  return { build, body };
}

describe('images in a post', () => {
  it.each([
    {
      name: 'a large raster offers AVIF then WebP at every width, with the column width as sizes',
      markdown: '![A photo](./photo.jpg)',
      sources: [
        [
          'image/avif',
          '/media/img/photo-0123456789ab-480.avif 480w, /media/img/photo-0123456789ab-960.avif 960w, /media/img/photo-0123456789ab-1600.avif 1600w',
        ],
        [
          'image/webp',
          '/media/img/photo-0123456789ab-480.webp 480w, /media/img/photo-0123456789ab-960.webp 960w, /media/img/photo-0123456789ab-1600.webp 1600w',
        ],
      ],
      img: { src: '/media/posts/x/photo.jpg', width: '2400', height: '1200' },
    },
    {
      name: 'a small raster is offered at its own width only',
      markdown: '![Small](./small.png)',
      sources: [
        ['image/avif', '/media/img/small-0123456789ab-300.avif 300w'],
        ['image/webp', '/media/img/small-0123456789ab-300.webp 300w'],
      ],
      img: { src: '/media/posts/x/small.png', width: '300', height: '200' },
    },
    {
      name: 'an SVG is offered as it is, sized',
      markdown: '![Diagram](./diagram.svg)',
      sources: [],
      img: { src: '/media/posts/x/diagram.svg', width: '900', height: '440' },
    },
    {
      name: 'a downloaded remote image shows from the site, never from its host',
      markdown: '![Pixel](https://elsewhere.example/pixel.png)',
      sources: [
        ['image/avif', '/media/img/abc-0123456789ab-480.avif 480w, /media/img/abc-0123456789ab-640.avif 640w'],
        ['image/webp', '/media/img/abc-0123456789ab-480.webp 480w, /media/img/abc-0123456789ab-640.webp 640w'],
      ],
      img: { src: '/media/remote/abc.png', width: '640', height: '480' },
    },
  ])('$name', async ({ markdown, sources, img }) => {
    const { body } = await rendered(markdown);
    const element = body.querySelector('img')!;
    expect({ src: element.getAttribute('src'), width: element.getAttribute('width'), height: element.getAttribute('height') }).toEqual(img);
    const picture = element.closest('picture');
    const found = [...picture!.querySelectorAll('source')].map((source) => [source.getAttribute('type'), source.getAttribute('srcset')]);
    expect(found).toEqual(sources);
    for (const source of picture!.querySelectorAll('source')) expect(source.getAttribute('sizes')).toMatch(/100vw/);
  });

  it('loads the first image at once and first, and the others lazily, in document order', async () => {
    const { body, build } = await rendered('Intro.\n\n![One](./diagram.svg)\n\n![Two](./photo.jpg)\n\n![Three](./small.png)\n\n![Four](./diagram.svg)');
    const attributes = [...body.querySelectorAll('img')].map((img) => [
      img.getAttribute('alt'),
      img.getAttribute('loading'),
      img.getAttribute('fetchpriority'),
    ]);
    expect(attributes).toEqual([
      ['One', 'eager', 'high'],
      ['Two', 'lazy', null],
      ['Three', 'lazy', null],
      ['Four', 'lazy', null],
    ]);
    // The eager image is in a <picture> (so React writes no preload <link> into the article); a lazy one without copies is not.
    expect(build).not.toMatch(/<link/);
    expect([...body.querySelectorAll('img')].map((img) => img.parentElement!.tagName)).toEqual(['PICTURE', 'PICTURE', 'PICTURE', 'P']);
  });

  it('turns an image that could not be downloaded into a link, so no reader fetches it', async () => {
    const { body, build } = await rendered('See ![the tracking pixel](https://gone.example/x.png) here.');
    expect(body.querySelector('img')).toBeNull();
    const link = body.querySelector('a.image-link')!;
    expect(link.getAttribute('href')).toBe('https://gone.example/x.png');
    expect(link.textContent).toMatch(/^Image: the tracking pixel/);
    expect(build).not.toMatch(/<img[^>]+gone\.example/);
  });

  it('leaves an image it knows nothing of as a lazy plain image (remoteImages: allow)', async () => {
    const { body } = await rendered('![First](./first.svg)\n\n![Kept](https://cdn.example/kept.png)');
    const kept = body.querySelectorAll('img')[1]!;
    expect([kept.getAttribute('src'), kept.getAttribute('loading'), kept.closest('picture')]).toEqual(['https://cdn.example/kept.png', 'lazy', null]);
  });
});
