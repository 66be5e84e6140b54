import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAuth } from '@/lib/auth/use-auth';
import { useRealtimeFrames } from '@/lib/realtime/use-realtime';
import { showToast } from '@/lib/toast-store';
import type { BlogEvent } from '@/types/api';
import { applyEventToCache, cachedTitle, PostLedger, resyncPosts } from '../api/apply-event';
import { highlightPost } from '../stores/highlight-store';

const verbs: Record<BlogEvent['type'], string> = {
  'blog-created': 'created',
  'blog-updated': 'edited',
  'blog-deleted': 'deleted',
  'blog-published': 'published',
  'blog-unpublished': 'unpublished',
  'blog-scheduled': 'scheduled',
  'blog-schedule-failed': 'could not publish',
};

export function describeEvent(event: BlogEvent, title: string | undefined): string {
  const what = title ? `'${title}'` : 'a post';
  return `${event.actor?.name ?? 'Someone'} ${verbs[event.type] ?? 'changed'} ${what}`;
}

/**
 * Turns the socket's post events into cache updates, app-wide (mounted once by the authenticated layout, so
 * cached lists stay right while another page is open). Changes by someone else also highlight the row and
 * show a toast; the user's own changes do not.
 */
export function LivePostsSync() {
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const [ledger] = useState(() => new PostLedger());

  useRealtimeFrames((frame) => {
    if (frame.type === 'resync') {
      void resyncPosts(queryClient);
      return;
    }
    if (frame.type !== 'event') return;
    const event = frame.event;
    const title = event.post?.title ?? cachedTitle(queryClient, event.postId);
    if (!applyEventToCache(queryClient, ledger, event)) return;
    if (event.actor && event.actor.id !== user?.id) {
      highlightPost(event.postId);
      showToast(describeEvent(event, title));
    }
  });
  return null;
}
