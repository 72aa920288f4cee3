import type { ImportPlan } from './plan.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One line saying what an import did:
 * `Imported 12 posts (2 drafts) into content/posts; skipped 30 comments, 1 page; renamed 1 reused slug: x -> x-2`.
 */
export function summarise(plan: ImportPlan, outDir: string): string {
  const drafts = plan.posts.filter((post) => post.draft).length;
  const parts = [`Imported ${count(plan.posts.length, 'post', 'posts')}${drafts > 0 ? ` (${count(drafts, 'draft', 'drafts')})` : ''} into ${outDir}`];
  const { skipped } = plan;
  const left = [
    skipped.comment && count(skipped.comment, 'comment', 'comments'),
    skipped.page && count(skipped.page, 'page', 'pages'),
    skipped.settings && `${skipped.settings} settings`,
    skipped.template && count(skipped.template, 'template entry', 'template entries'),
    skipped.trashed && count(skipped.trashed, 'trashed post', 'trashed posts'),
    skipped.other && `${count(skipped.other, 'other entry', 'other entries')} (${plan.otherKinds.join(', ')})`,
  ].filter(Boolean);
  if (left.length > 0) parts.push(`skipped ${left.join(', ')}`);
  if (plan.renamed.length > 0) {
    parts.push(`renamed ${count(plan.renamed.length, 'reused slug', 'reused slugs')}: ${plan.renamed.map(({ from, to }) => `${from} -> ${to}`).join(', ')}`);
  }
  const untitled = plan.posts.filter((post) => post.untitled).length;
  if (untitled > 0) parts.push(`titled ${count(untitled, 'untitled post', 'untitled posts')} by date`);
  return parts.join('; ');
}
