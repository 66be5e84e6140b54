import { usePostEditors } from '@/lib/realtime/use-realtime';

function names(people: readonly { name: string }[]): string {
  const all = people.map((person) => person.name);
  return all.length === 1 ? all[0] : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}

/** Who else has this post open in an editor right now (presence frames; the user is left out). */
export function PresenceLine({ postId }: { postId: string | undefined }) {
  const editors = usePostEditors(postId);
  if (editors.length === 0) return null;
  return (
    <p data-testid="presence" aria-live="polite" className="text-sm text-amber-800">
      {names(editors)} {editors.length === 1 ? 'is' : 'are'} editing
    </p>
  );
}
