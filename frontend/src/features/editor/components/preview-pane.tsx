import { errorMessage } from '@/lib/problem-error';
import { usePreview } from '../api/preview-post';

/**
 * The body as readers will see it. Only the server's sanitised HTML (commonmark + jsoup allow-list) is injected,
 * never the typed Markdown, so a `<script>` or `onerror` in the text cannot run here either.
 */
export function PreviewPane({ body, delayMs }: { body: string; delayMs?: number }) {
  const preview = usePreview(body, delayMs);
  return (
    <section aria-label="Preview" aria-busy={preview.isFetching}
      className="min-h-40 overflow-auto rounded-md border border-slate-200 bg-white p-4">
      {preview.isError && <p role="alert" className="text-sm text-red-700">Preview failed: {errorMessage(preview.error)}</p>}
      {preview.data && (
        <div className="prose max-w-none break-words" data-testid="preview-html"
          dangerouslySetInnerHTML={{ __html: preview.data.html }} />
      )}
      {!preview.data && !preview.isError && <p className="text-sm text-slate-500">The preview appears here.</p>}
    </section>
  );
}
