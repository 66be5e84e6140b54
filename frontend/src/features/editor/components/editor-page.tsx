import { useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { usePost } from '@/lib/post-detail';
import { errorMessage, ProblemError } from '@/lib/problem-error';
import { PostEditor } from './post-editor';

/** /posts/new and /posts/:id. Keyed by the id, so saving a new post (which moves to its URL) starts clean. */
export function EditorPage() {
  const { id } = useParams();
  const post = usePost(id);
  if (!id) return <PostEditor key="new" post={null} />;
  // A failed background refetch keeps the editor (and the typed text) on screen.
  if (post.data) return <PostEditor key={id} post={post.data} />;
  if (post.isError) {
    const missing = post.error instanceof ProblemError && post.error.status === 404;
    return <Alert>{missing ? 'This post does not exist, or you may not see it.' : errorMessage(post.error)}</Alert>;
  }
  return <Spinner label="Loading the post…" />;
}
