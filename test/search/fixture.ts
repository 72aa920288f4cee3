import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Manifest, manifestSchema } from '../../src/content/schema';

const SEARCH_FIXTURE = path.resolve(__dirname, '../fixtures/search/posts.json');

/** The search fixture: sixteen posts chosen to exercise prefixes, typos, accents and ranking. */
export function searchManifest(): Manifest {
  return manifestSchema.parse(JSON.parse(readFileSync(SEARCH_FIXTURE, 'utf8')));
}
