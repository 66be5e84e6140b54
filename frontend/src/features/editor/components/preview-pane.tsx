import { useEffect, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/problem-error';
import { usePreview } from '../api/preview-post';
import { holdRemoteImages } from '../utils/remote-images';

/** The public site's style sheet for post content, served by the app; the preview loads exactly this file. */
export const POST_CONTENT_STYLESHEET = '/site/post-content.css';

/**
 * Adds the public post style sheet to the document once (it stays for later previews). Its rules are scoped to
 * `.post-content` and unlayered, so they win over Tailwind's reset, which lives in a cascade layer.
 */
function usePostContentStylesheet() {
  useEffect(() => {
    if (document.head.querySelector(`link[href="${POST_CONTENT_STYLESHEET}"]`)) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = POST_CONTENT_STYLESHEET;
    document.head.append(link);
  }, []);
}

/**
 * The body as readers will see it, in the public site's own post style sheet (headings, lists, code colours). Only the server's sanitised HTML (commonmark + jsoup allow-list) is injected,
 * never the typed Markdown, so a `<script>` or `onerror` in the text cannot run here either. Images from other
 * sites are not requested until the editor clicks "Load remote images" (for this editing session).
 */
export function PreviewPane({ body, delayMs }: { body: string; delayMs?: number }) {
  usePostContentStylesheet();
  const preview = usePreview(body, delayMs);
  const [remoteAllowed, setRemoteAllowed] = useState(false);
  const html = preview.data?.html;
  const shown = useMemo(() => {
    if (html === undefined) return undefined;
    return remoteAllowed ? { html, held: 0 } : holdRemoteImages(html, window.location.origin);
  }, [html, remoteAllowed]);
  return (
    <section aria-label="Preview" aria-busy={preview.isFetching}
      className="min-h-40 overflow-auto rounded-md border border-slate-200 bg-[var(--post-bg,white)] p-4">
      {preview.isError && <p role="alert" className="mb-3 rounded-md bg-red-50 p-2 text-sm text-red-800">Preview failed: {errorMessage(preview.error)}</p>}
      {shown && shown.held > 0 && (
        <p className="mb-3 flex flex-wrap items-center gap-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900">
          <span>{shown.held === 1 ? '1 image from another site is' : `${shown.held} images from other sites are`} not
            loaded, so that site cannot see you reading.</span>
          <Button variant="secondary" onClick={() => setRemoteAllowed(true)}>Load remote images</Button>
        </p>
      )}
      {shown && (
        <div className="post-content" data-testid="preview-html"
          dangerouslySetInnerHTML={{ __html: shown.html }} />
      )}
      {!preview.data && !preview.isError && <p className="text-sm text-(--post-muted)">The preview appears here.</p>}
    </section>
  );
}
