import { useSyncExternalStore } from 'react';

const HIGHLIGHT_MS = 3_000;

let highlighted: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();

function set(next: ReadonlySet<string>) {
  highlighted = next;
  listeners.forEach((listener) => listener());
}

/** Marks a row someone else just changed; the mark (and its CSS animation) lasts a few seconds. */
export function highlightPost(postId: string): void {
  clearTimeout(timers.get(postId));
  // Remove then add on the next frame so a second change restarts the animation.
  if (highlighted.has(postId)) set(new Set([...highlighted].filter((id) => id !== postId)));
  queueMicrotask(() => set(new Set(highlighted).add(postId)));
  timers.set(postId, setTimeout(() => {
    timers.delete(postId);
    set(new Set([...highlighted].filter((id) => id !== postId)));
  }, HIGHLIGHT_MS));
}

export function useIsHighlighted(postId: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => highlighted.has(postId),
  );
}
