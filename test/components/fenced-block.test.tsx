import { render, screen } from '@testing-library/react';
import Markdown from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { FencedBlock } from '../../src/components/code-block/fenced-block';
import { rehypeHighlightPlugin } from '../../src/components/highlight';

/** Markdown rendered the way MarkdownContent does, with FencedBlock as the `pre` renderer. */
function renderMarkdown(markdown: string) {
  return render(
    <Markdown rehypePlugins={[rehypeHighlightPlugin]} components={{ pre: FencedBlock }}>
      {markdown}
    </Markdown>,
  );
}

describe('FencedBlock in the markdown pipeline', () => {
  it('turns a chart fence into a chart', async () => {
    renderMarkdown('Some text.\n\n```chart\ntitle: Requests\nday,requests\nMon,120\nTue,98\n```\n');
    expect(await screen.findByRole('img', { name: 'Requests' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Copy/ })).not.toBeInTheDocument();
  });

  it('turns other fences into code blocks, highlighted, labelled and copyable', () => {
    const { container } = renderMarkdown('Run `dmesg -T` first:\n\n```console\n$ dmesg -T | grep -i oom\n```\n');
    expect(screen.getByText('Shell session')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy code (Shell session)' })).toBeInTheDocument();
    expect(container.querySelector('pre code.hljs')).toHaveTextContent('$ dmesg -T | grep -i oom');
    // Inline code is untouched.
    expect(screen.getByText('dmesg -T').closest('pre')).toBeNull();
  });
});
