// `tsx scripts/bundle.ts [client OUT_DIR] [server OUT_DIR]`: the site's bundles, made by Vite in
// a process of their own. `npm run build` runs it only when the code has changed (bundle-cache.ts);
// apart, the bundler's memory (about 1 GB) is given back before the content is published, instead
// of adding to it.
import { build } from 'vite';
import { BUNDLE_ONLY_ENV } from '../src/build/publish-site.ts';

process.env.NODE_ENV ??= 'production';
const root = process.cwd();

async function bundleClient(outDir: string) {
  // The bundle only: the build script publishes the content itself.
  process.env[BUNDLE_ONLY_ENV] = '1';
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true, reportCompressedSize: false } });
}

async function bundleServer(outDir: string) {
  await build({
    root,
    logLevel: 'warn',
    build: {
      ssr: 'src/entry-server.tsx',
      outDir,
      emptyOutDir: true,
      copyPublicDir: false,
      // The server imports the chart directly on purpose (static HTML cannot wait for lazy code).
      rollupOptions: { onLog: (level, log, handler) => log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT' && handler(level, log) },
    },
  });
}

const args = process.argv.slice(2);
const jobs: Array<[string, string | undefined]> = [];
for (let index = 0; index < args.length; index += 2) jobs.push([args[index]!, args[index + 1]]);
if (jobs.length === 0 || jobs.some(([kind, dir]) => (kind !== 'client' && kind !== 'server') || !dir)) {
  console.error('usage: tsx scripts/bundle.ts [client OUT_DIR] [server OUT_DIR]');
  process.exit(2);
}
for (const [kind, dir] of jobs) await (kind === 'client' ? bundleClient : bundleServer)(dir!);
