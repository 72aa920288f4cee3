// A pre-render worker thread. Plain JavaScript so Node can start it however the build was
// launched; it registers tsx's loader, then renders its share of the routes.
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';

register();
const { renderRoutes, setUp } = await import('./prerender-pages.ts');
await renderRoutes(await setUp(workerData), workerData.routes);
parentPort.postMessage('done');
