import type { RefObject } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

/**
 * Moving to another page of the app while there are changes that leaving would not save (a published or scheduled
 * post waiting for "Update", a new post never saved, a conflict, no connection) asks first; a draft that can save
 * itself on the way out does not ask (docs/admin.md "Leaving"). `ownMove` is set by the editor before it moves on
 * its own (to a new post's address, to the list after a delete), which never asks.
 */
export function LeaveGuard({ ask, ownMove }: { ask: boolean; ownMove: RefObject<boolean> }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) =>
    ask && !ownMove.current && currentLocation.pathname !== nextLocation.pathname);
  if (blocker.state !== 'blocked') return null;
  return (
    <ConfirmDialog title="Leave with unsaved changes?" confirmLabel="Leave" cancelLabel="Stay"
      onConfirm={() => blocker.proceed()} onCancel={() => blocker.reset()}>
      Your changes are not saved to the server. This device keeps them: opening the post again offers to restore them.
    </ConfirmDialog>
  );
}
