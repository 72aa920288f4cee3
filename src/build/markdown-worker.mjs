// A worker thread of the content pipeline. Plain JavaScript so Node can start it however the
// build was launched (vite, tsx); it registers tsx's loader, then runs the TypeScript pipeline.
import { register } from 'tsx/esm/api';
import { parentPort } from 'node:worker_threads';

register();
const { processMarkdown } = await import('./process-markdown.ts');
parentPort.on('message', ({ id, job }) => {
  try {
    parentPort.postMessage({ id, result: processMarkdown(job) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
