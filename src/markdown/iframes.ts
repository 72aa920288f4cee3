import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { videoOf } from './video-links.ts';

/** The `ruleId` of the build warning for an iframe that was left out. */
const DROPPED_IFRAME = 'dropped-iframe';

/**
 * Rehype plugin, between rehype-raw and the sanitiser (which would drop every iframe): an iframe
 * showing a YouTube or Vimeo video becomes a link to the video, named by the iframe's title, in a
 * paragraph of its own, which `rehypeEmbeds` later turns into a click-to-load player. Any other
 * iframe is removed, and a message on the file (the build prints it as a warning with its line)
 * says so: a frame from any other host would load a foreign page into the post.
 */
export function rehypeIframes() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'iframe' || !parent || index === undefined) return undefined;
      const src = typeof node.properties.src === 'string' ? node.properties.src : '';
      const video = videoOf(src);
      if (!video) {
        parent.children.splice(index, 1);
        const shown = src.length > 80 ? `${src.slice(0, 80)}…` : src;
        file.message(`left out an <iframe> from ${shown ? JSON.stringify(shown) : 'nowhere'}: only YouTube and Vimeo videos can be embedded`, {
          place: node.position,
          ruleId: DROPPED_IFRAME,
          source: 'quire',
        });
        return [SKIP, index];
      }
      const title = typeof node.properties.title === 'string' ? node.properties.title.trim() : '';
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: video.watchUrl },
        children: [{ type: 'text', value: title || video.watchUrl }],
        position: node.position,
      };
      parent.children[index] = parent.type === 'element' && parent.tagName === 'p' ? link : { type: 'element', tagName: 'p', properties: {}, children: [link] };
      return SKIP;
    });
  };
}
