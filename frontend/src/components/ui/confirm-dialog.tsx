import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, buttonClass } from './button';

interface ConfirmDialogProps {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** The safe answer's label ("Cancel" unless said). */
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}

/**
 * A modal question ("Delete this post?"). Focus starts on Cancel (the safe answer), Escape cancels. A plain
 * element rather than <dialog>: jsdom, where the unit tests run, has no showModal().
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel = 'Cancel', onConfirm, onCancel, busy }: ConfirmDialogProps) {
  const titleId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/40 p-4"
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <div role="dialog" aria-modal="true" aria-labelledby={titleId}
        className="w-full max-w-md space-y-4 rounded-lg bg-white p-5 shadow-xl">
        <h2 id={titleId} className="text-lg font-semibold">{title}</h2>
        {children && <div className="text-sm text-slate-700">{children}</div>}
        <div className="flex justify-end gap-2">
          <button ref={cancel} type="button" className={buttonClass('secondary')} onClick={onCancel}>{cancelLabel}</button>
          <Button variant="danger" onClick={onConfirm} disabled={busy}>{confirmLabel}</Button>
        </div>
      </div>
    </div>
  );
}
