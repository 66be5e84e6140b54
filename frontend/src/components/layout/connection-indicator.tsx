import { useConnectionState } from '@/lib/realtime/use-realtime';
import type { ConnectionState } from '@/lib/realtime/frames';

const looks = {
  connected: { dot: 'bg-emerald-500', dataState: 'connected' },
  connecting: { dot: 'bg-amber-400 animate-pulse', dataState: 'reconnecting' },
  reconnecting: { dot: 'bg-amber-400 animate-pulse', dataState: 'reconnecting' },
  offline: { dot: 'bg-slate-400', dataState: 'offline' },
  stopped: { dot: 'bg-red-500', dataState: 'offline' },
} as const;

export function connectionLabel({ status, attempt }: ConnectionState): string {
  switch (status) {
    case 'connected':
      return 'Connected';
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting':
      return `Reconnecting (attempt ${attempt})`;
    case 'offline':
      return 'Offline';
    case 'stopped':
      return 'Disconnected, reload the page';
  }
}

/** The header's live-connection indicator; changes are announced politely to screen readers. */
export function ConnectionIndicator() {
  const state = useConnectionState();
  const look = looks[state.status];
  return (
    <span
      data-testid="connection-status"
      data-state={look.dataState}
      role="status"
      aria-live="polite"
      className="inline-flex items-center gap-2 rounded-full border border-slate-200 px-3 py-1 text-xs text-slate-700"
    >
      <span className={`h-2 w-2 rounded-full ${look.dot}`} aria-hidden />
      {connectionLabel(state)}
    </span>
  );
}
