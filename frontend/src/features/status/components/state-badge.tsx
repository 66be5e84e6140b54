import type { HealthStatus } from '../api/get-status';

const looks = {
  up: { label: 'Up', className: 'bg-emerald-50 text-emerald-800 ring-emerald-300', dot: 'bg-emerald-500' },
  down: { label: 'Down', className: 'bg-red-50 text-red-800 ring-red-300', dot: 'bg-red-600' },
  unknown: { label: 'Unknown', className: 'bg-slate-100 text-slate-700 ring-slate-300', dot: 'bg-slate-400' },
} as const;

export type State = keyof typeof looks;

/** UP is up; DOWN and OUT_OF_SERVICE are down; no answer (or a status we do not know) is unknown. */
export function stateOf(status: HealthStatus | undefined): State {
  if (status === 'UP') return 'up';
  if (status === 'DOWN' || status === 'OUT_OF_SERVICE') return 'down';
  return 'unknown';
}

/** Up / down / unknown in words, colour and shape (a filled dot), so colour is never the only cue. */
export function StateBadge({ state, label }: { state: State; label?: string }) {
  const look = looks[state];
  return (
    <span data-testid="state" data-state={state}
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset ${look.className}`}>
      <span className={`h-2 w-2 rounded-full ${look.dot}`} aria-hidden />
      {label ?? look.label}
    </span>
  );
}
