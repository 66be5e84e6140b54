import { Button } from '@/components/ui/button';
import type { PostView } from '@/types/api';
import { TextDiff } from '@/components/text-diff';
import type { DeviceCopy } from '../utils/device-copy';
import { fieldsOf } from '../utils/post-form';

const LABELS = { title: 'Title', slug: 'Slug', excerpt: 'Excerpt', tags: 'Tags', body: 'Body' } as const;

/**
 * Unsaved changes found on this device (after a crash, a closed tab or a reload): what they change compared with
 * the server's version (server = −, this device = +), and the choice to restore or discard them.
 */
export function RestoreOffer({ copy, server, onRestore, onDiscard }: {
  copy: DeviceCopy; server: PostView | null; onRestore: () => void; onDiscard: () => void;
}) {
  const current = fieldsOf(server);
  const when = new Date(copy.keptAt).toLocaleString();
  const newer = server && copy.baseVersion !== null && server.version > copy.baseVersion;
  return (
    <section aria-label="Unsaved changes on this device" data-testid="restore-offer"
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p>
        <strong>This device kept unsaved changes</strong> to {server ? 'this post' : 'a new post'} from {when}.
        {newer && ` The post has been saved since (version ${copy.baseVersion} then, ${server.version} now): restoring puts your text over the newer one.`}
        {' '}Restore them to keep editing, or discard them.
      </p>
      <div className="space-y-2 rounded-md bg-white p-2">
        {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((name) => (
          <TextDiff key={name} label={LABELS[name]} before={current[name]} after={copy.fields[name]} />
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button onClick={onRestore}>Restore my changes</Button>
        <Button variant="secondary" onClick={onDiscard}>Discard them</Button>
      </div>
    </section>
  );
}
