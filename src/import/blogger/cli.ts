import { readFileSync } from 'node:fs';
import { planImport } from './plan.ts';
import { BloggerExportError } from './read-export.ts';
import { summarise } from './summary.ts';
import { writePosts } from './write-posts.ts';

export const USAGE = 'usage: npm run import:blogger -- EXPORT.xml [--out DIR] [--force]';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

interface Arguments {
  file: string;
  out: string;
  force: boolean;
}

function parseArguments(argv: readonly string[]): Arguments | 'help' | undefined {
  let file: string | undefined;
  let out = 'content/posts';
  let force = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--force') force = true;
    else if (arg === '--out') {
      const value = argv[++index];
      if (value === undefined || value === '' || value.startsWith('--')) return undefined;
      out = value;
    } else if (arg.startsWith('--out=')) {
      out = arg.slice('--out='.length);
      if (out === '') return undefined;
    } else if (arg.startsWith('-') || file !== undefined) return undefined;
    else file = arg;
  }
  return file === undefined ? undefined : { file, out, force };
}

/**
 * Runs `import:blogger` with the arguments after the script name and returns its exit code:
 * 0 done, 1 the export or the destination stopped it (nothing written), 2 bad arguments.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  const args = parseArguments(argv);
  if (args === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (!args) {
    io.err(USAGE);
    return 2;
  }
  let xml: string;
  try {
    xml = readFileSync(args.file, 'utf8');
  } catch (error) {
    io.err(`${args.file}: cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return 1;
  }
  let plan: ReturnType<typeof planImport>;
  try {
    plan = planImport(xml);
  } catch (error) {
    if (!(error instanceof BloggerExportError)) throw error;
    io.err(`${args.file}: ${error.message}`);
    return 1;
  }
  const result = writePosts(plan, args.out, args.force);
  if (!result.ok) {
    io.err(`Nothing imported: ${result.existing.length === 1 ? 'this file exists' : 'these files exist'} (use --force to overwrite):`);
    for (const file of result.existing) io.err(`  ${file}`);
    return 1;
  }
  io.out(summarise(plan, args.out));
  return 0;
}
