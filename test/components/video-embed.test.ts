import { describe, expect, it } from 'vitest';
import { loadVideo } from '../../src/components/article/video-embed';
import { isEmbedUrl, videoOf } from '../../src/markdown/video-links';

function embed(src: string) {
  const figure = document.createElement('figure');
  figure.className = 'embed';
  figure.dataset.embedSrc = src;
  figure.dataset.embedTitle = 'The talk';
  figure.innerHTML = '<button type="button" class="embed-play">Play video: The talk</button>';
  document.body.append(figure);
  return figure;
}

describe('loadVideo', () => {
  it('puts the player frame in place of the button, named by the title', () => {
    const figure = embed('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    loadVideo(figure.querySelector('button')!);
    const frame = figure.querySelector('iframe')!;
    expect(figure.querySelector('button')).toBeNull();
    expect(frame.src).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
    expect(frame.title).toBe('The talk');
    expect(frame.getAttribute('sandbox')).not.toContain('allow-top-navigation');
    expect(document.activeElement).toBe(frame);
  });

  it.each([
    'https://evil.example/embed/dQw4w9WgXcQ',
    'javascript:alert(1)',
    'https://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://player.vimeo.com.evil.example/video/1',
  ])('loads nothing for markup that names %s', (src) => {
    const figure = embed(src);
    loadVideo(figure.querySelector('button')!);
    expect(figure.querySelector('iframe')).toBeNull();
    expect(figure.querySelector('button')).not.toBeNull();
  });
});

describe('videoOf', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10', 'YouTube dQw4w9WgXcQ'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ', 'YouTube dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?si=abc', 'YouTube dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'YouTube dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'Vimeo 76979871'],
    ['https://player.vimeo.com/video/76979871?h=1', 'Vimeo 76979871'],
    ['https://www.youtube.com/watch?v=short', undefined],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ/../x', undefined],
    ['https://user@youtu.be/dQw4w9WgXcQ', undefined],
    ['https://vimeo.com/channels/staffpicks', undefined],
    ['ftp://youtu.be/dQw4w9WgXcQ', undefined],
  ])('%s is %s', (url, expected) => {
    const video = videoOf(url);
    expect(video && `${video.host} ${video.id}`).toBe(expected);
  });

  it('accepts only its own player URLs as frame sources', () => {
    expect(isEmbedUrl('https://player.vimeo.com/video/76979871?dnt=1')).toBe(true);
    expect(isEmbedUrl('https://vimeo.com/76979871')).toBe(false);
  });
});
