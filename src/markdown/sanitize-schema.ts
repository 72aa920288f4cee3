import { defaultSchema } from 'rehype-sanitize';
import type { Options as Schema } from 'rehype-sanitize';
import { CALLOUT_KINDS } from './callouts.ts';

type PropertyDefinition = NonNullable<NonNullable<Schema['attributes']>[string]>[number];

/**
 * Elements an author may write as raw HTML beyond what markdown itself makes. Everything not in
 * the schema is unwrapped to its text (or dropped entirely, for `script`, `style` and the like).
 */
const EXTRA_ELEMENTS = ['mark', 'abbr', 'figure', 'figcaption', 'video', 'audio'] as const;

/**
 * GitHub's elements we leave out: `picture` (its `source srcset` would need the build to check
 * and resolve every candidate) and `input` except the task-list checkbox markdown itself makes.
 */
const DROPPED = new Set(['picture']);

/** Global attributes GitHub allows that make no sense outside a form, which posts cannot have. */
const FORM_ATTRIBUTES = new Set([
  'accept',
  'acceptCharset',
  'action',
  'encType',
  'method',
  'checked',
  'selected',
  'multiple',
  'prompt',
  'value',
  'maxLength',
  'readOnly',
]);

const media: PropertyDefinition[] = ['src', ['controls', true], 'loop', 'muted', ['preload', 'none', 'metadata', 'auto']];

/**
 * What raw HTML in a post may be, for rehype-sanitize: GitHub's schema (`defaultSchema`, the
 * allow-list github.com renders READMEs with) plus a few harmless elements, and `video`/`audio`
 * with controls. Author ids and names get `user-content-` in front (GitHub's clobber prefix), so
 * `<a name="location">` or `<img id="main">` cannot shadow a global or the page's own elements.
 * Image URLs must be `https:` or local (the CSP allows https images); the build later resolves
 * local ones and drops remote sources on video and audio, which must be files beside the post.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => !DROPPED.has(name)), ...EXTRA_ELEMENTS],
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((attribute) => typeof attribute !== 'string' || !FORM_ATTRIBUTES.has(attribute)),
    video: [...media, 'playsInline', 'width', 'height'],
    audio: [...media],
    // No `srcset`: `source` is here for video and audio, which take `src` and `type`.
    source: ['src', 'type'],
    // The markup of our own callouts (see callouts.ts), made in markdown before the sanitiser runs;
    // written by hand it is only styling.
    div: [...(defaultSchema.attributes?.div ?? []), ['className', 'callout', ...CALLOUT_KINDS.map((kind) => `callout-${kind}`)], ['role', 'note']],
    p: [...(defaultSchema.attributes?.p ?? []), ['className', 'callout-title']],
    // A fence's meta string, on its way to rehypeCodeMeta (see code-meta.ts), which removes it.
    code: [...(defaultSchema.attributes?.code ?? []), 'dataMeta'],
    // `value` is GitHub's, and harmless on a list item; it is needed to number items by hand.
    li: [...(defaultSchema.attributes?.li ?? []), 'value'],
  },
  // A task list's checkbox is the only input markdown makes; written anywhere else it goes.
  ancestors: { ...defaultSchema.ancestors, input: ['li'] },
  // Their text is code, not words: shown, it would only be noise.
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title'],
  required: {
    ...defaultSchema.required,
    // Without controls a video could not be started, or stopped.
    video: { controls: true },
    audio: { controls: true },
  },
  protocols: {
    ...defaultSchema.protocols,
    // `http:` images get through here so the build can download them into the site (remoteImages:
    // download); any still pointing at `http:` after that lose their src in resolve-urls.ts, since
    // the CSP blocks them (and they are mixed content on an https site anyway).
    src: ['http', 'https'],
  },
};
