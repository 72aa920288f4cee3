// ESLint flat config: typescript-eslint (type-aware), React hooks, JSX accessibility, and the import
// boundaries that hold Quire's architecture. `npm run lint` runs it with --max-warnings 0.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Every file in the repository belongs to one element (a folder) or one file category, named here:
 * a file in a place not listed fails `boundaries/no-unknown-files`, so a new folder is placed on
 * purpose. Each is either browser code (it ends up in the client bundle, or may) or Node-only
 * code; `side` says which, and the config refuses to load if one is missing.
 */
const elements = [
  // The shared contract: schema, data types, query factories. Runs in the browser and the build.
  { type: 'content', pattern: 'src/content', side: 'browser' },
  // The one markdown pipeline: the build runs it, and so does react-markdown in the browser.
  { type: 'markdown', pattern: 'src/markdown', side: 'browser' },
  { type: 'app', pattern: 'src/app', side: 'browser' },
  { type: 'routes', pattern: 'src/routes', side: 'browser' },
  { type: 'components', pattern: 'src/components', side: 'browser' },
  { type: 'search', pattern: 'src/search', side: 'browser' },
  { type: 'styles', pattern: 'src/styles', side: 'browser' },
  { type: 'public', pattern: 'public', side: 'browser' },
  // Node only: the content pipeline (Vite plugin, loading, processing, cache, workers).
  { type: 'build', pattern: 'src/build', side: 'node' },
  // Node/SSR only: the parts of the server entry.
  { type: 'prerender', pattern: 'src/prerender', side: 'node' },
  // Node only: importers from other blog engines.
  { type: 'import', pattern: 'src/import', side: 'node' },
  { type: 'scripts', pattern: 'scripts', side: 'node' },
  { type: 'test', pattern: 'test', side: 'node' },
];
/** Single files outside those folders. */
const files = [
  { category: 'entry-client', pattern: 'src/entry-client.tsx', side: 'browser' },
  { category: 'entry-server', pattern: 'src/entry-server.tsx', side: 'node' },
  // vite.config.ts, playwright.config.ts, eslint.config.js, knip's and prettier's configs.
  { category: 'config', pattern: '*.{js,ts}', side: 'node' },
];
for (const entry of [...elements, ...files]) {
  if (entry.side !== 'browser' && entry.side !== 'node') throw new Error(`eslint.config.js: say which side ${entry.type ?? entry.category} runs on`);
}
const on = (side) => ({
  types: elements.filter((element) => element.side === side).map((element) => element.type),
  categories: files.filter((file) => file.side === side).map((file) => file.category),
});
const browser = on('browser');
const nodeOnly = on('node');
const withoutSide = ({ side: _side, ...entry }) => entry;

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.quire/',
      '.dist-*/',
      '.server-*/',
      '.e2e/',
      '.tmp/',
      'test-results/',
      'playwright-report/',
      'test/fixtures/',
      'content/',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // One TypeScript program per tsconfig, as the editor has: the fast way to type-aware rules.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
  },
  {
    rules: {
      // `_`-prefixed names are the opt-out, as for tsc's noUnusedLocals; a caught error may go unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      // `==` only in `x == null`, which means null or undefined on purpose.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // React Router's loaders throw a Response (a 404) for the router to render as an error.
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'lib', name: 'Response' }] }],
      // A switch over a union names every member (or says `default`), so a new member is handled on purpose.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests read JSON.parse results, page.evaluate results and mock calls, all typed `any`, and
      // check them with expect(): the assertion is the type check there.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // The .mjs workers and servers and the theme script are not in the TypeScript program.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/**/*.tsx', 'test/**/*.tsx', 'scripts/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.recommended],
    rules: {
      // A region that scrolls (a code block's <pre>, a wide table's wrapper with role="region") has to
      // be focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: ['pre'], roles: ['tabpanel', 'region'], allowExpressionValues: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    // Import boundaries. Checked on static imports, re-exports and dynamic `import()` alike, type-only
    // imports included: a type from the build would tie the browser to the build's modules.
    files: ['src/**', 'test/**', 'scripts/**', 'public/**', '*.{js,ts}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements.map(withoutSide),
      'boundaries/files': files.map(withoutSide),
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] } },
    },
    rules: {
      'boundaries/no-unknown-files': 'error',
      'boundaries/no-unknown-dependencies': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          // Also check imports of packages and Node's built-ins, not only the repository's own files.
          checkAllOrigins: true,
          policies: [
            {
              from: [{ element: { type: browser.types } }, { file: { categories: browser.categories } }],
              disallow: {
                to: [{ element: { type: nodeOnly.types } }, { file: { categories: nodeOnly.categories } }, { module: { origin: 'core' } }],
              },
              message: 'browser code must not import Node-only code (src/build, src/prerender, src/import, scripts, node: modules)',
            },
            {
              from: { element: { type: 'content' } },
              disallow: { to: [{ element: { type: ['routes', 'components', 'app', 'search', 'markdown'] } }, { file: { categories: 'entry-client' } }] },
              message: 'the contract (src/content) knows no view: it imports no route, component, app or search code',
            },
            {
              from: { element: { type: 'components' } },
              disallow: { to: { element: { type: 'routes' } } },
              message: 'components must not import routes',
            },
            {
              from: { element: { type: 'markdown' } },
              disallow: { to: { element: { type: 'routes' } } },
              message: 'the markdown pipeline must not import routes',
            },
          ],
        },
      ],
    },
  },
);
