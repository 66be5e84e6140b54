import { PlaceholderPage } from '@/components/ui/placeholder-page';

/** Placeholder: the system status page (issue #4) replaces this feature folder. Serves /status. */
export function StatusPage() {
  return <PlaceholderPage title="Status">The status page is on its way.</PlaceholderPage>;
}
