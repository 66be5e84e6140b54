import { useSyncExternalStore } from 'react';

export interface Toast {
  id: number;
  message: string;
}

const VISIBLE = 4;
const LIFETIME_MS = 6_000;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: readonly Toast[]) {
  toasts = next;
  listeners.forEach((listener) => listener());
}

/** Shows a short notice; only the newest few stay visible so a burst of events cannot bury the page. */
export function showToast(message: string): void {
  const toast = { id: nextId++, message };
  set([...toasts, toast].slice(-VISIBLE));
  setTimeout(() => dismissToast(toast.id), LIFETIME_MS);
}

export function dismissToast(id: number): void {
  if (toasts.some((toast) => toast.id === id)) set(toasts.filter((toast) => toast.id !== id));
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
  );
}
