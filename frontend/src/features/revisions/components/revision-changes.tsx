import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/problem-error';
import type { PostView } from '@/types/api';
import { useRevision } from '../api/get-revision';
import { TextDiff } from '@/components/text-diff';

/** What differs between a revision and the post as it is now (revision = −, current = +). */
export function RevisionChanges({ post, revisionId }: { post: PostView; revisionId: string }) {
  const revision = useRevision(post.id, revisionId);
  if (revision.isPending) return <Spinner label="Loading the revision…" />;
  if (revision.isError) return <Alert>{errorMessage(revision.error)}</Alert>;
  const old = revision.data;
  const fields: [string, string, string][] = [
    ['Title', old.title, post.title],
    ['Slug', old.slug, post.slug],
    ['Excerpt', old.excerpt ?? '', post.excerpt ?? ''],
    ['Tags', old.tags.join(', '), post.tags.join(', ')],
    ['Body', old.body ?? '', post.body ?? ''],
  ];
  const same = fields.every(([, before, after]) => before === after);
  return (
    <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="revision-changes">
      <p className="text-sm text-slate-700">
        Version {old.version} (−) compared with the current post, version {post.version} (+).
      </p>
      {same && <p className="text-sm">The content is the same as now.</p>}
      {fields.map(([label, before, after]) => <TextDiff key={label} label={label} before={before} after={after} />)}
    </div>
  );
}
