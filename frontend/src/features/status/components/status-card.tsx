import type { ReactNode } from 'react';
import { StateBadge, type State } from './state-badge';

/** One part of the system: its name, an up/down badge (if it has a health check) and a few facts. */
export function StatusCard({ id, title, state, children }: { id: string; title: string; state?: State; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`status-${id}`}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="font-semibold">{title}</h2>
        {state && <StateBadge state={state} />}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">{children}</dl>
    </section>
  );
}

/** A fact on a card; a missing value shows as a dash. */
export function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-words">{value ?? '—'}</dd>
    </>
  );
}
