/**
 * Slugs are URL path segments: lower-case letters and digits of any script (with the combining
 * marks Devanagari or Thai need, and modifiers like Japanese ー), joined by single hyphens.
 * Apart from the schemas so the router can check a URL without loading them.
 */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lm}\p{Lo}\p{N}][\p{Ll}\p{Lm}\p{Lo}\p{N}\p{M}]*(?:-[\p{Ll}\p{Lm}\p{Lo}\p{N}][\p{Ll}\p{Lm}\p{Lo}\p{N}\p{M}]*)*$/u;
