import type { AuthUser, PostSummary } from '@/types/api';

// What the UI offers follows the server's rules, so nobody is shown a button that can only answer 403. The
// server still decides; these only hide what it would refuse.

/** docs/rest-api.md "Roles": who may publish, unpublish and delete (the same people). */
export function canPublish(user: AuthUser | null, post: PostSummary | null): boolean {
  if (!user || !post) return false;
  if (user.role === 'ADMIN' || user.role === 'EDITOR') return true;
  return user.role === 'AUTHOR' && post.author.id === user.id;
}

/** Who may change the content: a CONTRIBUTOR only their own drafts. */
export function canEdit(user: AuthUser | null, post: PostSummary | null): boolean {
  if (!user) return false;
  if (!post) return true;
  if (user.role === 'CONTRIBUTOR') return post.author.id === user.id && post.status === 'DRAFT';
  return canPublish(user, post);
}
