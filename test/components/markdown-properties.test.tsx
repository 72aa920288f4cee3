import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { MarkdownContent } from '../../src/components/markdown';
import { inertProblems } from '../build/inert-markup';

/** Pieces of markdown and HTML syntax that, shuffled together, reach the renderer's corners. */
const SYNTAX = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<iframe src=javascript:alert(1)>', '<a href="javascript:x">',
  '<style>', '<form>', '<meta http-equiv=refresh content=0>', '</p>', '<!--', '-->', '<![CDATA[', ']]>', '<?', '<!X',
  '[', ']', '(', ')', '![', '](', '<', '>', '"', "'", '`', '```', '~~~', '*', '_', '**', '~~', '#', '## ', '> ', '- ', '1. ', '- [x] ',
  '|', '| --- |', '\n', '\n\n', '    ', '\t', '\\', '&', '&#106;', '&#x6A;', '&colon;', '&#10;', '&#0;', '&quot;', '[^1]', '[^__proto__]',
  '[^1]: ', '[x]: ', '__proto__', 'toString', 'location', ' "title"', " 'title'", ' onmouseover=', '=', 'www.', '@', '\u0000', '\u2028',
  '\u202e', '\u200b', 'x', ' ',
];

/** What a URL might start with: every unsafe scheme and obfuscation, and the safe ones. */
const URL_STARTS = [
  'javascript:', 'JaVaScRiPt:', ' javascript:', 'java\tscript:', 'java&#10;script:', '&#106;avascript:', 'javascript&colon;', '\u0001javascript:',
  'vbscript:', 'data:text/html,', 'data:image/svg+xml,', 'file:///', 'blob:', 'http://', 'https://', 'mailto:', '//', '/\\', '/', '#', '?', '',
  './', '../',
];

const text = fc.string({ maxLength: 8 });
const url = fc.tuple(fc.constantFrom(...URL_STARTS), fc.string({ maxLength: 12 })).map(([start, rest]) => start + rest);
const link = fc.oneof(
  fc.tuple(text, url).map(([label, href]) => `[${label}](${href})`),
  fc.tuple(text, url).map(([label, href]) => `![${label}](${href})`),
  fc.tuple(text, url, text).map(([label, href, title]) => `[${label}](<${href}> "${title}")`),
  url.map((href) => `<${href}>`),
  fc.tuple(text, url).map(([label, href]) => `[${label}]\n\n[${label}]: ${href}`),
);
const markdown = fc
  .array(fc.oneof(fc.constantFrom(...SYNTAX), link, fc.string({ maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 30 })
  .map((parts) => parts.join(''));

function renderMarkdown(source: string) {
  return render(
    <MemoryRouter>
      <MarkdownContent assetBase="media/posts/x/">{source}</MarkdownContent>
    </MemoryRouter>,
  ).container;
}

describe('MarkdownContent over generated markdown', () => {
  it('never throws, and never emits an event handler, an unexpected element or an unsafe URL', () => {
    fc.assert(
      fc.property(markdown, (source) => {
        try {
          expect(inertProblems(renderMarkdown(source))).toEqual([]);
        } finally {
          cleanup();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives every link and image a URL that is empty, relative, an anchor or of a safe scheme', () => {
    const safe = /^(?:https?:|mailto:|irc:|ircs:|xmpp:|\/|#|$)/i;
    fc.assert(
      fc.property(fc.array(link, { minLength: 1, maxLength: 5 }), (links) => {
        try {
          const container = renderMarkdown(links.join('\n\n'));
          for (const element of container.querySelectorAll('a[href], img[src]')) {
            expect(element.getAttribute(element.tagName === 'A' ? 'href' : 'src')).toMatch(safe);
          }
        } finally {
          cleanup();
        }
      }),
      { numRuns: 150 },
    );
  });
});
