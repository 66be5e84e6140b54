import { useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { useAuth } from '@/lib/auth/use-auth';
import type { PersonRef } from '@/types/api';
import type { ConnectionState, ServerFrame } from './frames';
import { RealtimeContext, type Realtime } from './realtime-provider';

export function useRealtime(): Realtime {
  const realtime = useContext(RealtimeContext);
  if (!realtime) throw new Error('useRealtime outside RealtimeProvider');
  return realtime;
}

export function useConnectionState(): ConnectionState {
  const { client } = useRealtime();
  return useSyncExternalStore(client.subscribeState, client.getState);
}

/** Calls the handler with every server frame (the latest handler; subscribing once). */
export function useRealtimeFrames(handler: (frame: ServerFrame) => void): void {
  const { client } = useRealtime();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => client.subscribe((frame) => latest.current(frame)), [client]);
}

const NOBODY: readonly PersonRef[] = [];

/** Who else (not the signed-in user) is editing the post right now. */
export function usePostEditors(postId: string | undefined): readonly PersonRef[] {
  const { presence } = useRealtime();
  const { user } = useAuth();
  const editors = useSyncExternalStore(presence.subscribe, () =>
    postId ? presence.getSnapshot().get(postId) : undefined,
  );
  if (!editors) return NOBODY;
  return editors.some((editor) => editor.id === user?.id) ? editors.filter((e) => e.id !== user?.id) : editors;
}

/** Everyone editing any post (for lists): post id → editors, the signed-in user included. */
export function usePresence() {
  const { presence } = useRealtime();
  return useSyncExternalStore(presence.subscribe, presence.getSnapshot);
}

/**
 * While the calling component (the editor) is mounted, tells other staff "I am editing this post": at once,
 * then every 10 s and after every reconnect; `editing:false` when it unmounts. Closing the tab ends the lease
 * on the server.
 */
export function useEditingPresence(postId: string | undefined): void {
  const { client } = useRealtime();
  useEffect(() => {
    if (!postId) return;
    client.startEditing(postId);
    return () => client.stopEditing(postId);
  }, [client, postId]);
}
