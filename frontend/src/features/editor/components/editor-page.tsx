import { useParams } from 'react-router';
import { PlaceholderPage } from '@/components/ui/placeholder-page';

/** Placeholder: the editor (issue #4) replaces this feature folder. Serves /posts/new and /posts/:id. */
export function EditorPage() {
  const { id } = useParams();
  return <PlaceholderPage title={id ? 'Edit post' : 'New post'}>The editor is on its way.</PlaceholderPage>;
}
