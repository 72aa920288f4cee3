import { Worker } from 'node:worker_threads';
import type { MarkdownJob, MarkdownResult } from './process-markdown.ts';

/** Jobs handed to each worker ahead of its results. */
const JOBS_IN_FLIGHT = 2;
/** Young-generation size of a worker's heap, in MB (V8's default is a few MB). */
const YOUNG_GENERATION_MB = 64;

/** Messages between the build and a pipeline worker. */
type WorkerJob = { id: number; job: MarkdownJob };
type WorkerReply = { id: number; result: MarkdownResult } | { id: number; error: string };

/**
 * Runs markdown jobs on `threads` worker threads, handing each worker the next job as it finishes
 * one, so a few long posts do not leave a core idle. Results come back in the jobs' order.
 */
export function processInWorkers(jobs: MarkdownJob[], threads: number): Promise<MarkdownResult[]> {
  const results = new Array<MarkdownResult>(jobs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const stop = (error?: Error) => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker) => {
      if (next < jobs.length) {
        const id = next++;
        worker.postMessage({ id, job: jobs[id]! } satisfies WorkerJob);
      }
    };
    for (let index = 0; index < Math.min(threads, jobs.length); index += 1) {
      // A thin JavaScript launcher: it registers the TypeScript loader the pipeline's modules need.
      // Parsing allocates many short-lived nodes: a larger young generation collects less often.
      const worker = new Worker(new URL('./markdown-worker.mjs', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) {
          stop(new Error(`${jobs[reply.id]!.file}: ${reply.error}`));
          return;
        }
        results[reply.id] = reply.result;
        done += 1;
        if (done === jobs.length) stop();
        else feed(worker);
      });
      worker.on('error', (error: Error) => stop(error));
      worker.on('exit', (code) => {
        if (code !== 0 && done < jobs.length) stop(new Error(`A markdown worker exited with code ${code}`));
      });
      // Two jobs in hand, so a worker never waits for this thread between posts.
      for (let queued = 0; queued < JOBS_IN_FLIGHT; queued += 1) feed(worker);
    }
    if (jobs.length === 0) resolve(results);
  });
}
