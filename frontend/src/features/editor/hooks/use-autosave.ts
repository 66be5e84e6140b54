import { useEffect, useRef } from 'react';
import type { SavePhase } from '../utils/autosave-machine';
import type { PostFields } from '../utils/post-form';

export const AUTOSAVE_DELAY_MS = 3_000;
export const OFFLINE_RETRY_MS = 10_000;

export type AutosaveTrigger = 'pause' | 'retry' | 'leave';

/**
 * The timers of the autosave machine (utils/autosave-machine.ts), for a post that saves itself (`enabled`: a draft
 * the user may edit, nothing else pending):
 * - `unsaved`: saves `delayMs` after the last change (every change restarts the wait; unchanged text never saves,
 *   since each save is a new version);
 * - `offline`: tries again every `retryMs`, and at once when the browser says it is back online;
 * - leaving (the tab hidden or closed, or the editor closed inside the app) with unsaved text: saves at once
 *   (unless the browser says it is offline).
 */
export function useAutosave(options: {
  enabled: boolean;
  phase: SavePhase;
  fields: PostFields;
  save: (trigger: AutosaveTrigger) => unknown;
  delayMs?: number;
  retryMs?: number;
}): void {
  const { enabled, phase, fields, save, delayMs = AUTOSAVE_DELAY_MS, retryMs = OFFLINE_RETRY_MS } = options;
  const latest = useRef({ save, pending: false });
  const pending = enabled && (phase === 'unsaved' || phase === 'offline');
  useEffect(() => {
    latest.current = { save, pending };
  });

  useEffect(() => {
    if (!enabled || phase !== 'unsaved') return;
    const timer = setTimeout(() => latest.current.save('pause'), delayMs);
    return () => clearTimeout(timer);
  }, [enabled, phase, fields, delayMs]);

  useEffect(() => {
    if (!enabled || phase !== 'offline') return;
    const retry = () => latest.current.save('retry');
    const timer = setTimeout(retry, retryMs);
    window.addEventListener('online', retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', retry);
    };
  }, [enabled, phase, retryMs]);

  useEffect(() => {
    // Not when the browser knows it is offline: the request could only fail, and the text is on the device.
    const leave = () => {
      if (latest.current.pending && navigator.onLine !== false) latest.current.save('leave');
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
      // The editor itself is going away (another page of the app): save what is typed now.
      leave();
    };
  }, []);
}
