// Loaded as a blocking script in <head>, before first paint, so a reader who chose a colour theme
// never sees the other one flash. A file rather than inline code, so the CSP needs no 'unsafe-inline'.
try {
  var theme = localStorage.getItem('quire-theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.setAttribute('data-theme', theme);
} catch (error) {
  // Storage can be blocked; the system setting then applies.
}
