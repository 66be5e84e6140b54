import { PlaceholderPage } from '@/components/ui/placeholder-page';

/** Placeholder: the revision history (issue #4) replaces this feature folder. Serves /posts/:id/revisions. */
export function RevisionsPage() {
  return <PlaceholderPage title="Revisions">The revision history is on its way.</PlaceholderPage>;
}
