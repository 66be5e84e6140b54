import { useEffect, useRef } from 'react';
import type { PostFields } from '../utils/post-form';

export const AUTOSAVE_DELAY_MS = 3_000;

/**
 * Saves a draft `delayMs` after the last change, and only when something changed: every keystroke restarts the
 * wait, an unchanged draft is never written (each save is a new version and a revision), and published
 * or scheduled posts are saved only on purpose (readers would see half-typed text).
 */
export function useAutosave(options: {
  enabled: boolean;
  fields: PostFields;
  save: () => unknown;
  delayMs?: number;
}): void {
  const { enabled, fields, save, delayMs = AUTOSAVE_DELAY_MS } = options;
  const latestSave = useRef(save);
  useEffect(() => {
    latestSave.current = save;
  });
  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => latestSave.current(), delayMs);
    return () => clearTimeout(timer);
  }, [enabled, fields, delayMs]);
}
