import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useEffect } from 'react';
import type { DataRouter } from 'react-router-dom';
import { RouterProvider } from 'react-router-dom';

/** Marks the document once React has taken over the pre-rendered page, for tests and styles. */
function useReadyMarker() {
  useEffect(() => {
    document.documentElement.dataset.ready = 'true';
  }, []);
}

/** The providers around the router: one QueryClient for the whole app. */
export function App({ queryClient, router }: { queryClient: QueryClient; router: DataRouter }) {
  useReadyMarker();
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>
  );
}
