import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { stubFetch } from '../testing/render-app';
import { renderSearchBox, searchFixtureFiles } from './render-search';

// A file of its own: the box's code, once loaded, stays loaded for every later test in a file.
const box = () => screen.getByRole<HTMLInputElement>('combobox', { name: 'Search posts' });

it('keeps the focus and what the reader typed while the search box itself was loading', async () => {
  stubFetch(searchFixtureFiles());
  const user = userEvent.setup();
  renderSearchBox();
  await screen.findByRole('heading', { name: 'Home' });
  const placeholder = box();
  // Where the focus is the moment the box replaces the field: a key typed then must not be lost.
  let focusedAtSwap: boolean | undefined;
  const swap = new MutationObserver(() => {
    const field = document.querySelector('input[role="combobox"]');
    if (focusedAtSwap === undefined && field && field !== placeholder) focusedAtSwap = document.activeElement === field;
  });
  swap.observe(document.body, { childList: true, subtree: true });
  placeholder.focus();
  // Typed straight into the placeholder field, before the box's code has arrived.
  placeholder.value = 'mem';
  await waitFor(() => expect(box()).not.toBe(placeholder));
  swap.disconnect();
  expect(focusedAtSwap).toBe(true);
  expect(box()).toHaveValue('mem');
  expect(box()).toHaveFocus();
  await user.keyboard('ory');
  expect(box()).toHaveValue('memory');
  const live = within(screen.getByRole('search', { name: 'Site' })).getByRole('status');
  await waitFor(() => expect(live).toHaveTextContent(/result/));
});
