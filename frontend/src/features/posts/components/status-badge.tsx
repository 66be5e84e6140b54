import type { PostStatus } from '@/types/api';

const styles: Record<PostStatus, string> = {
  DRAFT: 'bg-slate-100 text-slate-700 ring-slate-300',
  SCHEDULED: 'bg-sky-50 text-sky-800 ring-sky-300',
  PUBLISHED: 'bg-emerald-50 text-emerald-800 ring-emerald-300',
};

const labels: Record<PostStatus, string> = { DRAFT: 'Draft', SCHEDULED: 'Scheduled', PUBLISHED: 'Published' };

export function StatusBadge({ status }: { status: PostStatus }) {
  return (
    <span data-testid="status-badge" data-status={status}
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${styles[status]}`}>
      {labels[status]}
    </span>
  );
}
