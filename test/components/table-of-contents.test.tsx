import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TableOfContents } from '../../src/components/toc/table-of-contents';
import { nestHeadings } from '../../src/components/toc/nest-headings';
import type { Heading } from '../../src/content/schema';

const HEADINGS: Heading[] = [
  { depth: 2, id: 'symptoms', text: 'Symptoms' },
  { depth: 3, id: 'dmesg', text: 'What dmesg says' },
  { depth: 2, id: 'cause', text: 'The cause' },
  { depth: 2, id: 'fix', text: 'The fix' },
];

/** The TOC beside the headings it links to, as on a post page. */
function Page({ headings = HEADINGS }: { headings?: Heading[] }) {
  return (
    <>
      <TableOfContents headings={headings} />
      <div className="prose">
        {headings.map((heading) => {
          const Tag = `h${heading.depth}` as 'h2';
          return (
            <Tag key={heading.id} id={heading.id}>
              {heading.text}
            </Tag>
          );
        })}
      </div>
    </>
  );
}

/** A matchMedia that answers true for the given queries. */
function stubMatchMedia(matching: string[]) {
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => ({ matches: matching.includes(query), media: query, addEventListener: vi.fn(), removeEventListener: vi.fn() })),
  );
}

describe('TableOfContents', () => {
  let scrollIntoView: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    scrollIntoView = vi.fn();
    Element.prototype.scrollIntoView = scrollIntoView as unknown as Element['scrollIntoView'];
    window.history.replaceState(null, '', '/posts/oom/');
  });

  afterEach(() => {
    delete (Element.prototype as Partial<Element>).scrollIntoView;
    vi.unstubAllGlobals();
  });

  it('lists h2 sections with their h3 subsections under "Contents"', () => {
    render(<Page />);
    const nav = screen.getByRole('navigation', { name: 'Table of contents' });
    expect(within(nav).getByText('Contents')).toBeInTheDocument();
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Symptoms', '#symptoms'],
      ['What dmesg says', '#dmesg'],
      ['The cause', '#cause'],
      ['The fix', '#fix'],
    ]);
    const symptoms = links[0]!.closest('li')!;
    expect(within(symptoms).getByRole('link', { name: 'What dmesg says' })).toBeInTheDocument();
  });

  it('is left out when a post has fewer than three h2 and h3 headings', () => {
    render(
      <Page
        headings={[
          { depth: 2, id: 'one', text: 'One' },
          { depth: 4, id: 'deep', text: 'Too deep to count' },
          { depth: 3, id: 'two', text: 'Two' },
        ]}
      />,
    );
    expect(screen.queryByRole('navigation', { name: 'Table of contents' })).not.toBeInTheDocument();
    expect(screen.queryByText('Contents')).not.toBeInTheDocument();
  });

  it('scrolls to the heading, marks the link current, puts the id in the URL and focuses the heading', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const link = screen.getByRole('link', { name: 'The cause' });
    await user.click(link);
    const heading = screen.getByRole('heading', { name: 'The cause' });
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
    expect(scrollIntoView.mock.contexts[0]).toBe(heading);
    expect(link).toHaveAttribute('aria-current', 'location');
    expect(screen.getByRole('link', { name: 'Symptoms' })).not.toHaveAttribute('aria-current');
    expect(window.location.hash).toBe('#cause');
    expect(heading).toHaveFocus();
  });

  it('scrolls smoothly only when the reader has not asked for reduced motion', async () => {
    const user = userEvent.setup();
    stubMatchMedia(['(prefers-reduced-motion: no-preference)']);
    const { unmount } = render(<Page />);
    await user.click(screen.getByRole('link', { name: 'The fix' }));
    expect(scrollIntoView).toHaveBeenLastCalledWith({ behavior: 'smooth', block: 'start' });
    unmount();

    stubMatchMedia(['(prefers-reduced-motion: reduce)']);
    render(<Page />);
    await user.click(screen.getByRole('link', { name: 'The fix' }));
    expect(scrollIntoView).toHaveBeenLastCalledWith({ behavior: 'auto', block: 'start' });
  });

  it('leaves modified clicks (new tab, new window) to the browser', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const link = screen.getByRole('link', { name: 'The fix' });
    link.addEventListener('click', (event) => event.preventDefault()); // jsdom cannot open tabs
    await user.keyboard('{Control>}');
    await user.click(link);
    expect(scrollIntoView).not.toHaveBeenCalled();
    expect(link).not.toHaveAttribute('aria-current');
  });

  it('marks the section being read as headings pass the reading line', () => {
    let notify: () => void = () => {};
    const observed: Element[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: () => void) {
          notify = callback;
        }
        observe(element: Element) {
          observed.push(element);
        }
        disconnect() {}
      },
    );
    render(<Page />);
    expect(observed.map((element) => element.id)).toEqual(['symptoms', 'dmesg', 'cause', 'fix']);

    const tops: Record<string, number> = { symptoms: -400, dmesg: -100, cause: 120, fix: 900 };
    for (const element of observed) {
      vi.spyOn(element, 'getBoundingClientRect').mockImplementation(() => ({ top: tops[element.id]! }) as DOMRect);
    }
    act(() => notify());
    // jsdom's window is 768px tall: the reading line is at 230px, so "The cause" (top 120) is being read.
    expect(screen.getByRole('link', { name: 'The cause' })).toHaveAttribute('aria-current', 'location');

    tops.cause = 400;
    act(() => notify());
    expect(screen.getByRole('link', { name: 'What dmesg says' })).toHaveAttribute('aria-current', 'location');
    expect(screen.getByRole('link', { name: 'The cause' })).not.toHaveAttribute('aria-current');

    // A short section: its heading at the top wins over the next heading just below it.
    Object.assign(tops, { dmesg: 16, cause: 150 });
    act(() => notify());
    expect(screen.getByRole('link', { name: 'What dmesg says' })).toHaveAttribute('aria-current', 'location');
  });

  it('starts collapsed, and opens itself on wide screens where it is a side column', () => {
    const { unmount } = render(<Page />);
    expect(screen.getByRole('group')).not.toHaveAttribute('open');
    unmount();

    stubMatchMedia(['(min-width: 72rem)']);
    render(<Page />);
    expect(screen.getByRole('group')).toHaveAttribute('open');
  });
});

describe('nestHeadings', () => {
  it('puts h3s under the h2 before them, and an h3 before any h2 at the top', () => {
    expect(
      nestHeadings([
        { depth: 3, id: 'a', text: 'A' },
        { depth: 2, id: 'b', text: 'B' },
        { depth: 3, id: 'c', text: 'C' },
        { depth: 4, id: 'd', text: 'D' },
      ]),
    ).toEqual([
      { id: 'a', text: 'A', children: [] },
      { id: 'b', text: 'B', children: [{ id: 'c', text: 'C', children: [] }] },
    ]);
  });
});
