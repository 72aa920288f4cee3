import type * as z from 'zod/mini';
import { CONTENT_PROBLEMS_HEADER } from './files.ts';

export type DataErrorKind = 'offline' | 'not-found' | 'server' | 'invalid' | 'version';

/** Why a data file could not be used, in words a reader can act on. */
export class DataError extends Error {
  readonly kind: DataErrorKind;
  readonly status?: number;
  constructor(kind: DataErrorKind, message: string, status?: number) {
    super(message);
    this.name = 'DataError';
    this.kind = kind;
    this.status = status;
  }
}

/** URL of a file under the site root, honouring the base path the site was built for. */
function siteUrl(file: string): string {
  return `${import.meta.env.BASE_URL}${encodeURI(file)}`;
}

/** A schema, or a function loading it: the schemas stay out of the first page load's code. */
export type SchemaSource<T extends z.ZodMiniType> = T | (() => Promise<T>);

/**
 * Fetches one of the site's JSON files and checks it against its schema, so a truncated file,
 * an HTML page served in its place or data from another version fails loudly instead of rendering wrong.
 */
export async function fetchData<T extends z.ZodMiniType>(file: string, source: SchemaSource<T>, signal?: AbortSignal): Promise<z.infer<T>> {
  const schemaPromise = typeof source === 'function' ? source() : Promise.resolve(source);
  let response: Response;
  try {
    response = await fetch(siteUrl(file), { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DataError('offline', 'Could not reach the site. Check your connection and try again.');
  }
  if (response.status === 404) throw new DataError('not-found', `Not found: ${file}`, 404);
  // The dev server answers a broken post with its problems: the author fixes them from the page.
  if (response.headers.get(CONTENT_PROBLEMS_HEADER)) throw new DataError('server', await response.text(), response.status);
  if (!response.ok) throw new DataError('server', `The server answered ${response.status} for ${file}. Try again in a moment.`, response.status);

  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    throw new DataError(
      'invalid',
      `The site sent something other than the expected data for ${file}. Try again; if it keeps happening, the site may be mid-deploy.`,
    );
  }
  if (typeof body === 'object' && body !== null && 'version' in body && typeof body.version === 'number') {
    const schema = await schemaPromise;
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    if (parsed.error.issues.some((issue) => issue.path[0] === 'version')) {
      throw new DataError('version', 'This site was updated since the page loaded. Reload the page to get the new version.');
    }
  }
  throw new DataError('invalid', `The data for ${file} is damaged or incomplete. Try again in a moment.`);
}
