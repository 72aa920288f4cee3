import { type LoaderFunctionArgs, redirect } from 'react-router-dom';
import { paths } from '../app/paths';
import { tagSlug } from '../content/tags';

/**
 * `/search/label/NAME`, Blogger's address of a label, reached by a link inside the app: sent on
 * to the tag's page. A direct load gets the build's static redirect page instead.
 */
export function labelRedirectLoader({ params }: LoaderFunctionArgs): Response {
  return redirect(paths.tag.href(tagSlug(params.name ?? '')));
}
