import type { AuthUser, PersonRef, PostSummary } from '@/types/api';

// What the UI offers follows the server's rules, so nobody is shown a button that can only answer 403. The
// server still decides (PostPermissions.java); these only hide what it would refuse. Both run the same table of
// cases, post-permission-cases.json, so the two cannot drift apart.

/** Who is asking: a signed-in staff member, or null for an anonymous reader. */
type Viewer = Pick<AuthUser, 'id' | 'role'> | null;
/** What the rules look at in a post: its author and status. */
type PostRef = Pick<PostSummary, 'status'> & { author: Pick<PersonRef, 'id'> };

function seesEverything(user: NonNullable<Viewer>): boolean {
  return user.role === 'ADMIN' || user.role === 'EDITOR';
}

/** Readers see published posts; ADMIN and EDITOR every post; others their own and published ones. */
export function canSee(user: Viewer, post: PostRef): boolean {
  if (post.status === 'PUBLISHED') return true;
  return user !== null && (seesEverything(user) || post.author.id === user.id);
}

/** docs/rest-api.md "Roles": who may publish, unpublish and schedule (and delete: the same people). */
export function canPublish(user: Viewer, post: PostRef | null): boolean {
  if (!user || !post) return false;
  if (seesEverything(user)) return true;
  return user.role === 'AUTHOR' && post.author.id === user.id;
}

/** Who may delete: the same people who may publish. */
export function canDelete(user: Viewer, post: PostRef | null): boolean {
  return canPublish(user, post);
}

/** Who may change the content: a CONTRIBUTOR only their own drafts. A new post (null) anyone signed in. */
export function canEdit(user: Viewer, post: PostRef | null): boolean {
  if (!user) return false;
  if (!post) return true;
  if (user.role === 'CONTRIBUTOR') return post.author.id === user.id && post.status === 'DRAFT';
  return canPublish(user, post);
}
