import type { PostView } from '@/types/api';
import type { PostRequest } from '../api/save-post';

/** The editor's fields as typed (tags as one comma-separated string). */
export interface PostFields {
  title: string;
  slug: string;
  excerpt: string;
  tags: string;
  body: string;
  /** The cover image's media id; '' for none. */
  coverId: string;
  coverAlt: string;
}

export const EMPTY_FIELDS: PostFields = { title: '', slug: '', excerpt: '', tags: '', body: '', coverId: '', coverAlt: '' };

export function fieldsOf(post: PostView | null): PostFields {
  if (!post) return EMPTY_FIELDS;
  return {
    title: post.title,
    slug: post.slug,
    excerpt: post.excerpt ?? '',
    tags: post.tags.join(', '),
    body: post.body ?? '',
    coverId: post.featureImage?.mediaId ?? '',
    coverAlt: post.featureImage?.alt ?? '',
  };
}

export function parseTags(tags: string): string[] {
  return tags.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
}

/** An empty slug is left out: the server generates one on create and keeps the current one on edit. */
export function toRequest(fields: PostFields): PostRequest {
  const slug = fields.slug.trim();
  return {
    title: fields.title,
    ...(slug ? { slug } : {}),
    excerpt: fields.excerpt === '' ? null : fields.excerpt,
    body: fields.body,
    tags: parseTags(fields.tags),
    // A draft kept on the device before covers existed has no coverId: leaving featureImage out keeps the post's.
    ...(fields.coverId === undefined ? {}
      : { featureImage: fields.coverId ? { mediaId: fields.coverId, alt: fields.coverAlt ?? '' } : { mediaId: null } }),
  };
}

/** Whether the fields say the same as the post (tags compared as the server would normalise them). */
export function sameFields(a: PostFields, b: PostFields): boolean {
  const tags = (t: string) => [...new Set(parseTags(t).map((tag) => tag.toLowerCase()))].sort().join(',');
  return a.title === b.title && a.slug.trim() === b.slug.trim() && a.excerpt === b.excerpt && a.body === b.body
    && tags(a.tags) === tags(b.tags) && a.coverId === b.coverId && (!a.coverId || a.coverAlt === b.coverAlt);
}

/** Validation errors (`errors[].field`, e.g. `title` or `tags[0]`) by editor field. */
export function errorsByField(errors: { field: string; message: string }[]): Partial<Record<keyof PostFields, string>> {
  const byField: Partial<Record<keyof PostFields, string>> = {};
  errors.forEach(({ field, message }) => {
    const name = (field.startsWith('featureImage') ? 'coverId' : field.replace(/\[.*$/, '')) as keyof PostFields;
    if (name in EMPTY_FIELDS) byField[name] = byField[name] ? `${byField[name]}; ${message}` : message;
  });
  return byField;
}
