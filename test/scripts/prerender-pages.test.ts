import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pageTemplate } from '../../scripts/page-template';
import { setUp } from '../../scripts/prerender-pages';

const BUILT_INDEX = `<!doctype html>
<html lang="en">
  <head>
    <script src="/theme.js"></script>
    <!--quire-head-->
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
  </head>
  <body>
    <div id="root"><!--quire-app--></div>
    <!--quire-data-->
  </body>
</html>`;

describe('a pre-render worker', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  // Workers start while others write pages, and the home page is written over index.html: a
  // worker that read its template from there failed the build now and then ("no module script").
  it('takes its page template from the built index.html it is given, not from the file the home page replaces', async () => {
    const staging = mkdtempSync(path.join(os.tmpdir(), 'quire-staging-'));
    // Inside the project, as the build keeps it (the test runner imports only from there).
    mkdirSync(path.resolve('node_modules/.cache'), { recursive: true });
    const serverDir = mkdtempSync(path.resolve('node_modules/.cache/quire-test-server-'));
    dirs.push(staging, serverDir);
    writeFileSync(path.join(staging, 'index.html'), '<!doctype html><html><body><main>The home page, pre-rendered</main></body></html>');
    mkdirSync(path.join(staging, 'data'));
    writeFileSync(path.join(staging, 'data/site.json'), JSON.stringify({ site: { language: 'en' } }));
    writeFileSync(path.join(serverDir, 'entry-server.js'), 'export const renderPage = () => undefined;\n');
    const context = await setUp({ serverDir, staging, base: '/', templates: pageTemplate(BUILT_INDEX, '/* theme */', '/', []) });
    const html = context.page({ status: 200, head: '<title>Home</title>', styles: '', features: [], app: '<p>Recent posts</p>', state: '{}' });
    expect(html).toContain('<title>Home</title>');
    expect(html).toContain('<div id="root"><p>Recent posts</p></div>');
    expect(html).toContain('/assets/index-abc.js');
    expect(html).not.toContain('The home page, pre-rendered');
  });

  it('starts the writing behaviour only on the pages whose article needs it', async () => {
    const staging = mkdtempSync(path.join(os.tmpdir(), 'quire-staging-'));
    mkdirSync(path.resolve('node_modules/.cache'), { recursive: true });
    const serverDir = mkdtempSync(path.resolve('node_modules/.cache/quire-test-server-'));
    dirs.push(staging, serverDir);
    mkdirSync(path.join(staging, 'data'));
    writeFileSync(path.join(staging, 'data/site.json'), JSON.stringify({ site: { language: 'en' } }));
    writeFileSync(path.join(serverDir, 'entry-server.js'), 'export const renderPage = () => undefined;\n');
    const articleScript = '/assets/writing-behaviour-abc.js';
    const context = await setUp({ serverDir, staging, base: '/', templates: pageTemplate(BUILT_INDEX, '', '/', [], articleScript) });
    const render = (features: string[]) => context.page({ status: 200, head: '', styles: '', features, app: '', state: '{}' });
    for (const features of [[], ['callout'], ['math', 'chart']]) expect(render(features)).not.toContain(articleScript);
    for (const features of [['code-lines'], ['html'], ['mermaid']]) {
      const html = render(features);
      expect(html).toContain(`<link rel="modulepreload" crossorigin href="${articleScript}">`);
      expect(html).toContain(`["/assets/index-abc.js","${articleScript}"]`);
    }
  });
});
