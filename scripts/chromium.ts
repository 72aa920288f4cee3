// Debian's Chromium, never a downloaded browser, for the end-to-end tests and the benchmark.

/** Where Chromium is: CHROME_PATH (Lighthouse's name for it) or CHROMIUM_PATH, else Debian's. */
export const CHROMIUM = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without these Chromium keeps trying to reach Google's hosts, which this machine refuses. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
