import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // Pages set the document's title and head tags; a test must never see what another left behind.
  if (typeof document !== 'undefined') {
    document.title = '';
    document.head.querySelectorAll('meta, link[rel="canonical"]').forEach((element) => element.remove());
  }
});

// jsdom has no layout; React Router's scroll restoration calls this on every navigation.
// (Tests of Node-only code run without a window.)
if (typeof window !== 'undefined') window.scrollTo = () => {};

// Lazy routes (the post view and its markdown renderer) are transformed on first import, which
// can take seconds on a cold, busy machine.
configure({ asyncUtilTimeout: 10_000 });
