import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { PostView } from '@/types/api';
import type { RevisionSummary } from '../api/get-revisions';
import { RevisionChanges } from './revision-changes';

interface RevisionRowProps {
  post: PostView;
  revision: RevisionSummary;
  mayRestore: boolean;
  onRestore: (revision: RevisionSummary) => void;
}

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One save in the history: version, action, changed fields, who and when; its changes on demand. */
export function RevisionRow({ post, revision, mayRestore, onRestore }: RevisionRowProps) {
  const [open, setOpen] = useState(false);
  const current = revision.version === post.version;
  return (
    <li className="space-y-2 border-b border-slate-200 py-3" data-testid="revision-row">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="text-sm">
          <span className="font-medium">Version {revision.version}</span>{' '}
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{revision.action}</span>{' '}
          {current && <span className="text-xs text-indigo-700">(current)</span>}
          <div className="text-slate-600">
            {revision.editor.name} · <time dateTime={revision.createdAt}>{time.format(new Date(revision.createdAt))}</time>
            {revision.changedFields.length > 0 && <> · changed {revision.changedFields.join(', ')}</>}
          </div>
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" aria-expanded={open} onClick={() => setOpen(!open)}
            aria-label={`${open ? 'Hide' : 'Show'} changes of version ${revision.version}`}>
            {open ? 'Hide changes' : 'Show changes'}
          </Button>
          {mayRestore && !current && (
            <Button variant="secondary" onClick={() => onRestore(revision)}
              aria-label={`Restore version ${revision.version}`}>Restore</Button>
          )}
        </div>
      </div>
      {open && <RevisionChanges post={post} revisionId={revision.id} />}
    </li>
  );
}
