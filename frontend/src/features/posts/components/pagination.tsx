import { Button } from '@/components/ui/button';

export function Pagination({ page, totalPages, totalItems, onPage }: {
  page: number;
  totalPages: number;
  totalItems: number;
  onPage: (page: number) => void;
}) {
  if (totalPages <= 1) return <p className="text-sm text-slate-600">{totalItems} {totalItems === 1 ? 'post' : 'posts'}</p>;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
      <Button variant="secondary" disabled={page <= 0} onClick={() => onPage(page - 1)}>Previous</Button>
      <span aria-current="page">Page {page + 1} of {totalPages} · {totalItems} posts</span>
      <Button variant="secondary" disabled={page >= totalPages - 1} onClick={() => onPage(page + 1)}>Next</Button>
    </nav>
  );
}
