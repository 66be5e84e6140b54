import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAuth } from '@/lib/auth/use-auth';
import { postKeys } from '@/lib/post-keys';
import { useRealtimeFrames } from '@/lib/realtime/use-realtime';
import type { BlogEventType } from '@/types/api';

const verbs: Record<BlogEventType, string> = {
  'blog-created': 'created',
  'blog-updated': 'updated',
  'blog-deleted': 'deleted',
  'blog-published': 'published',
  'blog-unpublished': 'unpublished',
  'blog-scheduled': 'scheduled',
  'blog-schedule-failed': 'could not publish',
};

export interface RemoteChange {
  message: string;
  deleted: boolean;
}

/**
 * Someone else's change to the open post, from the app-wide socket: a notice ("Ana updated this post"), and the
 * post reloaded (the event carries no body), which the editor takes only while its fields are clean.
 * The user's own saves (same actor id, e.g. from another tab) are not news.
 */
export function useRemoteChanges(postId: string | undefined, knownVersion: number | undefined) {
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const [change, setChange] = useState<RemoteChange | null>(null);

  useRealtimeFrames((frame) => {
    if (frame.type !== 'event' || !postId || frame.event.postId !== postId) return;
    const event = frame.event;
    if (knownVersion !== undefined && event.version <= knownVersion) return;
    const deleted = event.type === 'blog-deleted';
    if (!deleted) {
      // LivePostsSync may have asked already; do not cancel its request.
      void queryClient.invalidateQueries({ queryKey: postKeys.detail(postId) }, { cancelRefetch: false });
    }
    if (event.actor && event.actor.id === user?.id) return;
    const who = event.actor?.name ?? 'Someone';
    setChange({ message: `${who} ${verbs[event.type] ?? 'changed'} this post`, deleted });
  });

  return { change, dismiss: () => setChange(null) };
}
