import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useDebouncedValue } from '@/hooks/use-debounced-value';

/**
 * `POST /api/posts/preview`: the server renders and sanitises the Markdown exactly as for readers, so the
 * preview is the truth and the browser never turns the author's raw text into HTML itself.
 */
export function previewMarkdown(body: string, signal?: AbortSignal): Promise<{ html: string }> {
  return api.post<{ html: string }>('/api/posts/preview', { body }, { signal });
}

export const previewKeys = { markdown: (body: string) => ['preview', body] as const };

export function getPreviewQueryOptions(body: string) {
  return queryOptions({
    queryKey: previewKeys.markdown(body),
    queryFn: ({ signal }) => previewMarkdown(body, signal),
    staleTime: Infinity,
    // The last preview stays on screen while the next is on its way (no flicker while typing).
    placeholderData: keepPreviousData,
  });
}

/** The preview of the body, one request per pause in typing. */
export function usePreview(body: string, delayMs = 400) {
  const debounced = useDebouncedValue(body, delayMs);
  return useQuery(getPreviewQueryOptions(debounced));
}
