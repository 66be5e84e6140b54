import { useCallback, useEffect, useState } from 'react';
import type { PostView } from '@/types/api';
import { deviceCopyKey, dropDeviceCopy, keepDeviceCopy, readDeviceCopy, type DeviceCopy } from '../utils/device-copy';
import { fieldsOf, sameFields, type PostFields } from '../utils/post-form';

/**
 * Keeps the unsaved fields in this browser while they differ from the server's copy, and drops them once saved.
 * On opening, a kept copy that differs from the server's post becomes an `offer`: until the writer restores or
 * discards it, it is left exactly as it was (the editor is read-only meanwhile, so nothing overwrites it).
 */
export function useDeviceCopy(userId: string | undefined, post: PostView | null, fields: PostFields, dirty: boolean,
  baseVersion: number | null) {
  const key = deviceCopyKey(userId ?? 'signed-out', post?.id);
  const [offer, setOffer] = useState<DeviceCopy | null>(() => {
    const copy = readDeviceCopy(key);
    return copy && !sameFields(copy.fields, fieldsOf(post)) ? copy : null;
  });
  const [kept, setKept] = useState(true);

  useEffect(() => {
    if (offer) return;
    if (!dirty) {
      dropDeviceCopy(key);
      return;
    }
    const stored = keepDeviceCopy(key, fields, baseVersion);
    // Only a refusing browser (storage full or disabled) changes this, so the editor stops promising it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setKept(stored);
  }, [key, offer, dirty, fields, baseVersion]);

  const take = useCallback(() => {
    setOffer(null);
    return offer;
  }, [offer]);

  const discard = useCallback(() => {
    dropDeviceCopy(key);
    setOffer(null);
  }, [key]);

  return { key, offer, kept, take, discard };
}
