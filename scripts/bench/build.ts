// Corpus generation and timed runs of the real `npm run build` as a child process, so the
// figures include what an author waits for (npm and Node start-up too) and GNU time can report
// the peak resident memory of the build process.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseBuildLine, parsePeakKB, type BuildLine } from './parse.ts';

const TIME = '/usr/bin/time';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  seconds: number;
  timedOut: boolean;
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Its own process group, so a timeout ends npm, the shell and the build's node together.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let timedOut = false;
    const stop = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs);
    process.once('exit', stop);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      process.off('exit', stop);
      resolve({ code, signal, output, seconds: (performance.now() - started) / 1000, timedOut });
    });
  });
}

/** Writes the shared corpus generator's "plain" layout (posts/, images/) into `dir`. */
export async function generateCorpus(repo: string, dir: string, count: number): Promise<void> {
  const generator = process.env.QUIRE_CORPUS_GEN ?? path.resolve(repo, '../shared/bench/gen-corpus.mjs');
  if (!existsSync(generator)) throw new Error(`bench: corpus generator not found at ${generator} (set QUIRE_CORPUS_GEN)`);
  const result = await run(process.execPath, [generator, dir, String(count), '--seed', '1'], { cwd: repo, env: process.env, timeoutMs: 300_000 });
  if (result.code !== 0)
    throw new Error(`bench: ${path.basename(generator)} failed (${result.timedOut ? 'timed out' : `exit ${result.code}`}):\n${result.output}`);
  const posts = existsSync(path.join(dir, 'posts')) ? readdirSync(path.join(dir, 'posts')).filter((name) => name.endsWith('.md')) : [];
  if (posts.length !== count) throw new Error(`bench: expected ${count} posts in ${dir}/posts, found ${posts.length}`);
}

/** Appends one sentence to the first post by name: the smallest edit an author makes. */
export function changeOnePost(contentDir: string): string {
  const posts = readdirSync(path.join(contentDir, 'posts'))
    .filter((name) => name.endsWith('.md'))
    .sort();
  const file = path.join(contentDir, 'posts', posts[0]!);
  // The same sentence every run, so byte figures of the rebuilt site stay comparable.
  appendFileSync(file, '\n\nOne more sentence, added by the benchmark to measure an incremental rebuild.\n');
  return file;
}

export interface BuildFigures {
  /** Wall time of `npm run build`, start-up included. */
  wallSeconds: number;
  /** Peak resident memory of the largest process of the build, from GNU time. */
  peakMB: number | undefined;
  line: BuildLine;
}

export const cacheDir = (repo: string) => path.join(repo, 'node_modules/.cache/quire');

export async function timedBuild(repo: string, contentDir: string, outDir: string, timeoutMs: number): Promise<BuildFigures> {
  const timeFile = path.join(path.dirname(outDir), `time-${process.pid}.txt`);
  rmSync(timeFile, { force: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const env = { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, QUIRE_QUIET: '1', BASE_PATH: '' };
  const [command, args] = existsSync(TIME) ? [TIME, ['-f', '%M', '-o', timeFile, npm, 'run', '--silent', 'build']] : [npm, ['run', '--silent', 'build']];
  const result = await run(command, args, { cwd: repo, env, timeoutMs });
  const peakKB = existsSync(timeFile) ? parsePeakKB(readFileSync(timeFile, 'utf8')) : undefined;
  rmSync(timeFile, { force: true });
  if (result.timedOut)
    throw new Error(`bench: the build did not finish within ${Math.round(timeoutMs / 1000)} s (BENCH_BUILD_TIMEOUT sets seconds)\n${tail(result.output)}`);
  if (result.code !== 0) throw new Error(`bench: npm run build failed (exit ${result.code ?? result.signal}):\n${tail(result.output)}`);
  const line = parseBuildLine(result.output);
  if (!line) throw new Error(`bench: no "Built N pages … in X s (…)" line in the build's output:\n${tail(result.output)}`);
  return { wallSeconds: result.seconds, peakMB: peakKB === undefined ? line.peakMB : peakKB / 1024, line };
}

const tail = (text: string) => text.trim().split('\n').slice(-30).join('\n');
