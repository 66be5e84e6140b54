import { authStore } from '@/lib/auth/auth-store';
import { NetworkError, ProblemError } from '@/lib/problem-error';
import type { Media } from './types';

/** How far an upload's request body has gone: bytes sent of the total (the multipart body, a little over the file). */
export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0 to 1; 1 means every byte is sent and the server is processing the image. */
  fraction: number;
}

export interface UploadOptions {
  /** The image's alt text (≤ 500 characters); empty or absent: none yet. */
  alt?: string;
  /** Called as the body is sent (the browser reports every 50 ms or so), starting at 0 again after a token refresh. */
  onProgress?: (progress: UploadProgress) => void;
  /** Aborting cancels the upload; the promise then rejects with a `DOMException` named `AbortError`. */
  signal?: AbortSignal;
}

/**
 * Uploads one image to the media library: `POST /api/media` (multipart `file` and `alt`), on XMLHttpRequest
 * because fetch reports no upload progress.
 *
 * - Resolves with the stored image (201), as `GET /api/media/{id}` would answer it (`usedBy` empty).
 * - Rejects with a {@link ProblemError} for any refusal (415 not an image, 413 too large with `maxBytes`, 422 too
 *   many pixels or corrupt, 400 empty or missing file, 503 busy), with a {@link NetworkError} when the server
 *   cannot be reached, and with an `AbortError` when `signal` aborts.
 * - Carries the signed-in user's access token like every API call; on a 401 it refreshes the token once and sends
 *   the file again; a second 401 ends the session (the app returns to the login page).
 *
 * Callers own what happens next (the Media page adds the image to its list; the editor inserts `![alt](url)`);
 * the `media-created` event reaches every staff screen anyway.
 */
export async function uploadMedia(file: Blob, options: UploadOptions = {}): Promise<Media> {
  let response = await send(file, options);
  if (response.status === 401 && authStore.getAccessToken() !== null) {
    if (await authStore.refresh()) response = await send(file, options);
    if (response.status === 401) authStore.end();
  }
  if (response.status >= 200 && response.status < 300) return response.body as Media;
  throw new ProblemError(response.status, (response.body as Record<string, unknown>) ?? {});
}

interface Answer {
  status: number;
  body: unknown;
}

function send(file: Blob, { alt, onProgress, signal }: UploadOptions): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    const done = () => signal?.removeEventListener('abort', abort);
    xhr.open('POST', '/api/media');
    xhr.setRequestHeader('Accept', 'application/json');
    const token = authStore.getAccessToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (!onProgress) return;
      const total = event.lengthComputable ? event.total : file.size;
      onProgress({ loaded: event.loaded, total, fraction: total > 0 ? Math.min(1, event.loaded / total) : 0 });
    };
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, body: parseBody(xhr.responseText) });
    };
    xhr.onerror = () => {
      done();
      reject(new NetworkError(new Error('upload failed')));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
    };
    signal?.addEventListener('abort', abort);
    onProgress?.({ loaded: 0, total: file.size, fraction: 0 });
    xhr.send(formData(file, alt));
  });
}

function formData(file: Blob, alt: string | undefined): FormData {
  const form = new FormData();
  form.append('file', file, file instanceof File ? file.name : 'image');
  if (alt) form.append('alt', alt);
  return form;
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A proxy's HTML error page, say: keep a readable start of it as the title.
    return { title: text.slice(0, 200) };
  }
}
