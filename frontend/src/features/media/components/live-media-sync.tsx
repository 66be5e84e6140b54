import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isMediaEvent } from '@/lib/media/types';
import { useRealtimeFrames } from '@/lib/realtime/use-realtime';
import { applyMediaEvent, MediaLedger, resyncMedia } from '../api/apply-event';

/**
 * Turns the socket's `media-*` events into cache updates, app-wide (mounted once by the authenticated layout, so
 * a cached library is right whenever the Media page or the editor's picker shows it), with no request per event.
 */
export function LiveMediaSync() {
  const queryClient = useQueryClient();
  const [ledger] = useState(() => new MediaLedger());
  useRealtimeFrames((frame) => {
    if (frame.type === 'resync') {
      void resyncMedia(queryClient);
      return;
    }
    if (frame.type === 'event' && isMediaEvent(frame.event)) applyMediaEvent(queryClient, ledger, frame.event);
  });
  return null;
}
