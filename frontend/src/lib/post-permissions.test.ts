import { describe, expect, it } from 'vitest';
import type { PostStatus, Role } from '@/types/api';
import table from './post-permission-cases.json';
import { canDelete, canEdit, canPublish, canSee } from './post-permissions';

interface Case {
  actor: Role | 'public';
  owner: 'own' | 'other';
  status: PostStatus;
  see: boolean;
  edit: boolean;
  publish: boolean;
  delete: boolean;
}

const ME = 'a0000000-0000-0000-0000-000000000001';
const SOMEONE_ELSE = 'a0000000-0000-0000-0000-000000000002';

describe('post permissions: the same table of cases as PostPermissions.java', () => {
  const cases = table.cases as Case[];

  it('covers every actor, ownership and status', () => {
    expect(cases).toHaveLength(27);
  });

  it.each(cases)('$actor on an $owner $status post: see $see, edit $edit, publish $publish, delete $delete', (c) => {
    const user = c.actor === 'public' ? null : { id: ME, role: c.actor };
    const post = { status: c.status, author: { id: c.owner === 'own' ? ME : SOMEONE_ELSE } };
    expect({ see: canSee(user, post), edit: canEdit(user, post), publish: canPublish(user, post),
      delete: canDelete(user, post) })
      .toEqual({ see: c.see, edit: c.edit, publish: c.publish, delete: c.delete });
  });
});
