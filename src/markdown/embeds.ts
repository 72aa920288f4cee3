import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { videoOf } from './video-links.ts';

const isBlank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';

/** The label of a video's play button: "Play video: <title>" when the post names the video. */
const playLabel = (title: string | undefined) => (title ? `Play video: ${title}` : 'Play video');

/**
 * Rehype plugin, after the sanitiser: a YouTube or Vimeo link alone in its paragraph becomes a
 * click-to-load player, a figure with a Play button and a link to the video's page. The markup
 * loads nothing from the video host (no thumbnail, no script); the article's click handler puts
 * the player's frame in place of the button. The title is the link's words, unless they are just
 * the URL. Runs after the sanitiser because the button and data attributes are ours: the same
 * markup written by hand in a post is sanitised away.
 */
export function rehypeEmbeds() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return undefined;
      const content = node.children.filter((child) => !isBlank(child));
      const link = content.length === 1 && content[0]!.type === 'element' && content[0]!.tagName === 'a' ? content[0]! : undefined;
      const href = link && typeof link.properties.href === 'string' ? link.properties.href : '';
      const video = link && videoOf(href);
      if (!link || !video) return undefined;
      const words = toText(link).replace(/\s+/g, ' ').trim();
      const title = words === '' || words === href || videoOf(words) ? undefined : words;
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: { className: ['embed'], dataEmbedSrc: video.embedUrl, dataEmbedTitle: title ?? `${video.host} video`, dataEmbedWatch: video.watchUrl },
        children: [
          {
            type: 'element',
            tagName: 'button',
            properties: { type: 'button', className: ['embed-play'] },
            children: [{ type: 'text', value: playLabel(title) }],
          },
          {
            type: 'element',
            tagName: 'figcaption',
            properties: {},
            children: [{ type: 'element', tagName: 'a', properties: { href: video.watchUrl }, children: [{ type: 'text', value: `Watch on ${video.host}` }] }],
          },
        ],
        position: node.position,
      };
      parent.children[index] = figure;
      return 'skip';
    });
  };
}
