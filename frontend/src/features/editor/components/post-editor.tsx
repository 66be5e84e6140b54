import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { useAuth } from '@/lib/auth/use-auth';
import { errorMessage, ProblemError } from '@/lib/problem-error';
import { useEditingPresence } from '@/lib/realtime/use-realtime';
import type { PostView } from '@/types/api';
import { useChangeStatus, useDeletePost } from '../api/post-actions';
import { useAutosave } from '../hooks/use-autosave';
import { useLeaveWarning } from '../hooks/use-leave-warning';
import { usePostEditor } from '../hooks/use-post-editor';
import { useRemoteChanges } from '../hooks/use-remote-changes';
import { canEdit, canPublish } from '@/lib/post-permissions';
import { BodyEditor } from './body-editor';
import { ConflictBanner } from './conflict-banner';
import { LeaveGuard } from './leave-guard';
import { PostFieldsForm } from './post-fields';
import { PostToolbar } from './post-toolbar';
import { PresenceLine } from './presence-line';
import { RestoreOffer } from './restore-offer';
import { SaveState } from './save-state';

interface PostEditorProps {
  post: PostView | null;
  autosaveDelayMs?: number;
  previewDelayMs?: number;
}

/** The editor of one post (or a new one): fields, live preview, saves with versions, conflicts, live notices. */
export function PostEditor({ post, autosaveDelayMs, previewDelayMs }: PostEditorProps) {
  const { user } = useAuth();
  const navigate = useNavigate();
  const editor = usePostEditor(post, user?.id);
  const { base, fields, dirty, conflict, phase } = editor;
  const remote = useRemoteChanges(base?.id, base?.version);
  const status = useChangeStatus();
  const remove = useDeletePost();
  const gone = remote.change?.deleted ?? false;
  const mayEdit = canEdit(user, base) && !gone;
  const busy = editor.saving || status.isPending || remove.isPending;
  // A new post will be the user's own: whoever may publish their own posts may publish it.
  const mayPublish = (base ? canPublish(user, base) : user !== null && user.role !== 'CONTRIBUTOR') && !gone;
  // Drafts save themselves; a published or scheduled post changes for readers only on Update (docs/admin.md).
  const auto = base?.status === 'DRAFT';

  // Only who may edit the post may say so: the server answers anyone else's presence with `not-allowed`.
  useEditingPresence(mayEdit ? base?.id : undefined);
  useLeaveWarning(dirty);
  // Inside the app, only what leaving would not save asks first: a draft that may save itself does so on the way out.
  const savesOnLeaving = auto && mayEdit && phase === 'unsaved' && navigator.onLine !== false;
  const ownMove = useRef(false);
  useAutosave({
    enabled: auto && mayEdit && !status.isPending && !remove.isPending,
    phase, fields, delayMs: autosaveDelayMs, save: (trigger) => editor.submit(trigger === 'leave' ? 'leave' : 'auto'),
  });

  // A new post moves to its own address once saved (and published, when that was the button).
  const moveTo = (saved: PostView) => {
    ownMove.current = true;
    navigate(`/posts/${saved.id}`, { replace: true });
    ownMove.current = false;
  };
  const save = async () => {
    const saved = await editor.submit('manual');
    if (saved && !base) moveTo(saved);
  };
  const changeStatus = async (action: 'publish' | 'unpublish') => {
    const current = (dirty && mayEdit) || !base ? await editor.submit('manual') : base;
    if (!current) return;
    try {
      editor.rebase(await status.mutateAsync({ id: current.id, version: current.version, action }));
    } catch (caught) {
      editor.setError(caught);
    }
    if (!base) moveTo(current);
  };
  const deletePost = async () => {
    if (!base) return;
    try {
      await remove.mutateAsync({ id: base.id, version: base.version });
      ownMove.current = true;
      navigate('/posts', { replace: true });
    } catch (caught) {
      editor.setError(caught);
    }
  };

  const fieldErrors = editor.fieldErrors;
  // Offline is said by the save state (the text is kept); validation errors stand next to their fields.
  const generalError = Boolean(editor.error) && phase !== 'offline'
    && !(editor.error instanceof ProblemError && editor.error.errors.length > 0);
  return (
    <div className="space-y-4">
      <LeaveGuard ask={dirty && !savesOnLeaving} ownMove={ownMove} />
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold">{base ? 'Edit post' : 'New post'}</h1>
          {base && <p className="text-sm text-slate-600">{base.status} · version {base.version}</p>}
          <PresenceLine postId={base?.id} />
        </div>
        <div className="flex flex-col items-end gap-2">
          <SaveState phase={phase} auto={auto} isNew={base === null} keptOnDevice={editor.keptOnDevice} />
          <PostToolbar post={base} mayEdit={mayEdit && !editor.offer} mayPublish={mayPublish} busy={busy}
            onSave={() => void save()} onStatus={(action) => void changeStatus(action)} onDelete={() => void deletePost()} />
        </div>
      </header>
      {remote.change && (
        <div role="status" data-testid="remote-change" className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          {remote.change.message}
          {!remote.change.deleted && dirty && '. Your unsaved text is kept; saving will show both versions.'}
          {remote.change.deleted && '. Copy anything you want to keep.'}
        </div>
      )}
      {conflict && (
        <ConflictBanner theirs={conflict} myText={fields.body} busy={busy}
          onReload={editor.takeTheirs} onOverwrite={() => void editor.submit('overwrite')} />
      )}
      {editor.offer && (
        <RestoreOffer copy={editor.offer} server={base} onRestore={editor.restore} onDiscard={editor.discard} />
      )}
      {generalError && <Alert>{errorMessage(editor.error)}</Alert>}
      {!mayEdit && base && !gone && <Alert tone="info">You may read this post but not change it.</Alert>}
      <PostFieldsForm fields={fields} errors={fieldErrors} readOnly={!mayEdit || Boolean(editor.offer)} onChange={editor.update} />
      <BodyEditor body={fields.body} error={fieldErrors.body} readOnly={!mayEdit || Boolean(editor.offer)} previewDelayMs={previewDelayMs}
        onChange={(body) => editor.update('body', body)} />
    </div>
  );
}
