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
import { ConflictBanner } from './conflict-banner';
import { PostFieldsForm } from './post-fields';
import { PostToolbar } from './post-toolbar';
import { PresenceLine } from './presence-line';
import { PreviewPane } from './preview-pane';
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
  const editor = usePostEditor(post);
  const { base, fields, dirty, conflict } = editor;
  const remote = useRemoteChanges(base?.id, base?.version);
  const status = useChangeStatus();
  const remove = useDeletePost();
  const gone = remote.change?.deleted ?? false;
  const mayEdit = canEdit(user, base) && !gone;
  const busy = editor.saving || status.isPending || remove.isPending;
  // A new post will be the user's own: whoever may publish their own posts may publish it.
  const mayPublish = (base ? canPublish(user, base) : user !== null && user.role !== 'CONTRIBUTOR') && !gone;

  // Only who may edit the post may say so: the server answers anyone else's presence with `not-allowed`.
  useEditingPresence(mayEdit ? base?.id : undefined);
  useLeaveWarning(dirty);
  useAutosave({
    enabled: base?.status === 'DRAFT' && dirty && mayEdit && !conflict && !busy && !editor.refused,
    fields, delayMs: autosaveDelayMs, save: () => editor.submit('auto'),
  });

  // A new post moves to its own address once saved (and published, when that was the button).
  const moveTo = (saved: PostView) => navigate(`/posts/${saved.id}`, { replace: true });
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
      navigate('/posts', { replace: true });
    } catch (caught) {
      editor.setError(caught);
    }
  };

  const fieldErrors = editor.fieldErrors;
  const generalError = Boolean(editor.error) && !(editor.error instanceof ProblemError && editor.error.errors.length > 0);
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold">{base ? 'Edit post' : 'New post'}</h1>
          {base && <p className="text-sm text-slate-600">{base.status} · version {base.version}</p>}
          <PresenceLine postId={base?.id} />
        </div>
        <div className="flex flex-col items-end gap-2">
          <SaveState saving={editor.saving} dirty={dirty} saved={base !== null} />
          <PostToolbar post={base} mayEdit={mayEdit} mayPublish={mayPublish} busy={busy}
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
      {generalError && <Alert>{errorMessage(editor.error)}</Alert>}
      {!mayEdit && base && !gone && <Alert tone="info">You may read this post but not change it.</Alert>}
      <div className="grid gap-4 lg:grid-cols-2">
        <PostFieldsForm fields={fields} errors={fieldErrors} readOnly={!mayEdit} onChange={editor.update} />
        <PreviewPane body={fields.body} delayMs={previewDelayMs} />
      </div>
    </div>
  );
}
