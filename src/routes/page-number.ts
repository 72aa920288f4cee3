import { DataError } from '../content/fetch-data';
import { notFound } from './not-found';

/** A listing's page from its `:page` parameter: absent is page 1; anything but a page number is not found. */
export function pageNumber(param: string | undefined): number {
  if (param === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(param)) notFound();
  return Number(param);
}

/** Runs a loader's fetch, turning a missing data file into the not-found page. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof DataError && error.kind === 'not-found') notFound();
    throw error;
  }
}
