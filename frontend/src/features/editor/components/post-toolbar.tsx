import { useState } from 'react';
import { Link } from 'react-router';
import { Button, buttonClass } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { PostView } from '@/types/api';

interface PostToolbarProps {
  post: PostView | null;
  mayEdit: boolean;
  mayPublish: boolean;
  busy: boolean;
  onSave: () => void;
  onStatus: (action: 'publish' | 'unpublish') => void;
  onDelete: () => void;
}

/**
 * The post's actions; what the user's role may not do is not shown at all (docs/rest-api.md "Roles"). On a new
 * post, Publish saves it first. A published or scheduled post's save button says "Update": its changes reach
 * readers only then (drafts save themselves).
 */
export function PostToolbar({ post, mayEdit, mayPublish, busy, onSave, onStatus, onDelete }: PostToolbarProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {mayEdit && <Button onClick={onSave} disabled={busy}>{post && post.status !== 'DRAFT' ? 'Update' : 'Save'}</Button>}
      {mayPublish && post?.status !== 'PUBLISHED' && (
        <Button variant="secondary" onClick={() => onStatus('publish')} disabled={busy}>Publish</Button>
      )}
      {post && mayPublish && post.status !== 'DRAFT' && (
        <Button variant="secondary" onClick={() => onStatus('unpublish')} disabled={busy}>Unpublish</Button>
      )}
      {post && <Link to={`/posts/${post.id}/revisions`} className={buttonClass('ghost')}>Revisions</Link>}
      {post && mayPublish && (
        <Button variant="danger" onClick={() => setConfirming(true)} disabled={busy}>Delete</Button>
      )}
      {confirming && post && (
        <ConfirmDialog title="Delete this post?" confirmLabel="Delete post" busy={busy}
          onCancel={() => setConfirming(false)} onConfirm={() => { setConfirming(false); onDelete(); }}>
          “{post.title}” and all its revisions will be gone for good.
        </ConfirmDialog>
      )}
    </div>
  );
}
