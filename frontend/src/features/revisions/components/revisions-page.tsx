import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Spinner } from '@/components/ui/spinner';
import { useAuth } from '@/lib/auth/use-auth';
import { usePost } from '@/lib/post-detail';
import { canEdit } from '@/lib/post-permissions';
import { errorMessage } from '@/lib/problem-error';
import { useRevisions, type RevisionSummary } from '../api/get-revisions';
import { useRestoreRevision } from '../api/restore-revision';
import { RevisionRow } from './revision-row';

/** /posts/:id/revisions: the history, what each version changed against now, and restoring one. */
export function RevisionsPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const post = usePost(id);
  const revisions = useRevisions(id);
  const restore = useRestoreRevision();
  const [asked, setAsked] = useState<RevisionSummary | null>(null);

  if (post.isError || revisions.isError) return <Alert>{errorMessage(post.error ?? revisions.error)}</Alert>;
  if (!post.data || !revisions.data) return <Spinner label="Loading the history…" />;
  const current = post.data;

  const confirm = async (revision: RevisionSummary) => {
    try {
      await restore.mutateAsync({ postId: id, revisionId: revision.id, version: current.version });
      setAsked(null);
      navigate(`/posts/${id}`);
    } catch {
      setAsked(null);
    }
  };

  return (
    <section className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">Revisions of “{current.title}”</h1>
        <Link to={`/posts/${id}`} className={buttonClass('secondary')}>Back to the editor</Link>
      </header>
      {restore.isError && <Alert>{errorMessage(restore.error)}</Alert>}
      {revisions.data.length === 0 ? (
        <p className="text-slate-600">No revisions yet.</p>
      ) : (
        <ol aria-label="Revisions">
          {revisions.data.map((revision) => (
            <RevisionRow key={revision.id} post={current} revision={revision}
              mayRestore={canEdit(user, current)} onRestore={setAsked} />
          ))}
        </ol>
      )}
      {asked && (
        <ConfirmDialog title={`Restore version ${asked.version}?`} confirmLabel="Restore version"
          busy={restore.isPending} onCancel={() => setAsked(null)} onConfirm={() => void confirm(asked)}>
          Its title, slug, excerpt, tags and body are saved again as a new version (the status stays{' '}
          {current.status}). Nothing is lost: the current content stays in the history.
        </ConfirmDialog>
      )}
    </section>
  );
}
