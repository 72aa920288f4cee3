import type { QueryClient } from '@tanstack/react-query';
import { aboutQuery } from '../content/queries';
import { orNotFound } from './page-number';

/** Apart from the about view, whose markdown renderer loads lazily, so the fetch starts at once. */
export const aboutLoader = (queryClient: QueryClient) => async () => {
  await orNotFound(() => queryClient.ensureQueryData(aboutQuery()));
  return null;
};
