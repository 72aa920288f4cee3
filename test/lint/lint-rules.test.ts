// @vitest-environment node
// The checks in `npm run lint` fail, naming the file and the rule, on the mistakes they are there
// for. Each probe is a real file in the folder it breaks the rules of, linted with the real config,
// and removed afterwards.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const id = `lint-probe-${process.pid}`;
const probes = {
  // Browser code reaching into the content pipeline, and into Node.
  buildImport: `src/components/${id}-build.ts`,
  nodeImport: `src/routes/${id}-node.ts`,
  // The contract knowing a view; a component knowing a route.
  contractView: `src/content/${id}-view.ts`,
  componentRoute: `src/components/${id}-route.ts`,
  // A hook called conditionally.
  conditionalHook: `src/components/${id}-hook.tsx`,
  // An export nothing imports, in a file something does import.
  unusedExport: `src/content/${id}-unused.ts`,
  user: `scripts/${id}-user.ts`,
};

const write = (file: string, text: string) => writeFileSync(path.resolve(file), text);
write(probes.buildImport, `import { loadContent } from '../build/load-content';\n\nexport const probe = loadContent;\n`);
write(probes.nodeImport, `import { readFileSync } from 'node:fs';\n\nexport const probe = readFileSync;\n`);
write(probes.contractView, `import { Pager } from '../components/pager';\n\nexport const probe = Pager;\n`);
write(probes.componentRoute, `import { Home } from '../routes/home';\n\nexport const probe = Home;\n`);
write(
  probes.conditionalHook,
  `import { useState } from 'react';\n\nexport function Probe({ on }: { on: boolean }) {\n  if (on) {\n    const [value] = useState(1);\n    return <p>{value}</p>;\n  }\n  return null;\n}\n`,
);
write(probes.unusedExport, `export function usedProbe(): number {\n  return 1;\n}\n\nexport function unusedProbe(): number {\n  return 2;\n}\n`);
write(probes.user, `import { usedProbe } from '../src/content/${id}-unused.ts';\n\nconsole.log(usedProbe());\n`);

afterAll(() => {
  for (const file of Object.values(probes)) rmSync(path.resolve(file), { force: true });
});

const run = (bin: string, args: string[]) => {
  const result = spawnSync(process.execPath, [path.resolve(bin), ...args], { encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
};

/** ESLint's report for one file: the lines under its path, up to the next file's. */
function reportFor(output: string, file: string): string {
  const start = output.indexOf(path.resolve(file));
  if (start === -1) return '';
  const next = output.indexOf('\n/', start + 1);
  return output.slice(start, next === -1 ? undefined : next);
}

describe('npm run lint', () => {
  it('fails on import boundaries and conditional hooks, naming the file and the rule', { timeout: 180_000 }, () => {
    const files = [probes.buildImport, probes.nodeImport, probes.contractView, probes.componentRoute, probes.conditionalHook];
    const { code, output } = run('node_modules/eslint/bin/eslint.js', ['--no-cache', '--max-warnings', '0', ...files]);
    expect(code).toBe(1);
    expect(reportFor(output, probes.buildImport)).toMatch(/browser code must not import Node-only code.*boundaries\/dependencies/);
    expect(reportFor(output, probes.nodeImport)).toMatch(/browser code must not import Node-only code.*boundaries\/dependencies/);
    expect(reportFor(output, probes.contractView)).toMatch(/the contract \(src\/content\) knows no view.*boundaries\/dependencies/);
    expect(reportFor(output, probes.componentRoute)).toMatch(/components must not import routes.*boundaries\/dependencies/);
    expect(reportFor(output, probes.conditionalHook)).toMatch(/React Hook "useState" is called conditionally.*react-hooks\/rules-of-hooks/);
  });

  it('fails on an exported function used nowhere, naming the file and the export', { timeout: 120_000 }, () => {
    const { code, output } = run('node_modules/knip/bin/knip.js', ['--include', 'exports', '--no-progress']);
    expect(code).toBe(1);
    const line = output.split('\n').find((text) => text.includes('unusedProbe'));
    expect(line).toMatch(new RegExp(`unusedProbe\\s+function\\s+${probes.unusedExport.replace(/\./g, '\\.')}`));
    expect(output).not.toMatch(/\busedProbe\b/);
  });
});
