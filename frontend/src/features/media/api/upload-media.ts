import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { uploadMedia } from '@/lib/media/upload-media';
import type { Media } from '@/lib/media/types';
import { errorMessage, ProblemError } from '@/lib/problem-error';
import { putInLists } from './apply-event';

export type UploadStatus = 'uploading' | 'processing' | 'done' | 'failed' | 'cancelled';

/** One file of the uploads the page started: its progress, then the image or why it was refused. */
export interface UploadEntry {
  key: number;
  name: string;
  bytes: number;
  /** 0 to 1: the share of the request sent. */
  fraction: number;
  status: UploadStatus;
  error?: string;
  media?: Media;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** What a person reads when an upload is refused: the server's problem, with the limit in words where it has one. */
export function uploadErrorMessage(error: unknown): string {
  if (error instanceof ProblemError && error.is('media-too-large')) {
    const max = error.extra<number>('maxBytes');
    return max ? `File too large: images of at most ${formatBytes(max)} are accepted.` : errorMessage(error);
  }
  if (error instanceof ProblemError && error.is('unsupported-image-format')) {
    return `${errorMessage(error)} Upload a JPEG, PNG, GIF or WebP image.`;
  }
  return errorMessage(error);
}

/**
 * The page's uploads, several files at once, each with its own progress and outcome. A stored image goes into
 * the cached lists at once (its `media-created` event, arriving later, then changes nothing).
 */
export function useUploads() {
  const queryClient = useQueryClient();
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const nextKey = useRef(1);
  const controllers = useRef(new Map<number, AbortController>());

  const update = useCallback((key: number, change: Partial<UploadEntry>) => {
    setEntries((all) => all.map((entry) => (entry.key === key ? { ...entry, ...change } : entry)));
  }, []);

  const upload = useCallback((file: File) => {
    const key = nextKey.current++;
    const controller = new AbortController();
    controllers.current.set(key, controller);
    setEntries((all) => [...all, { key, name: file.name, bytes: file.size, fraction: 0, status: 'uploading' }]);
    uploadMedia(file, {
      signal: controller.signal,
      onProgress: ({ fraction }) => update(key, { fraction, status: fraction >= 1 ? 'processing' : 'uploading' }),
    }).then((media) => {
      update(key, { status: 'done', fraction: 1, media });
      putInLists(queryClient, media);
    }, (error: unknown) => {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      update(key, cancelled ? { status: 'cancelled' } : { status: 'failed', error: uploadErrorMessage(error) });
    }).finally(() => controllers.current.delete(key));
  }, [queryClient, update]);

  const start = useCallback((files: Iterable<File>) => {
    for (const file of files) upload(file);
  }, [upload]);

  const cancel = useCallback((key: number) => controllers.current.get(key)?.abort(), []);

  const dismissFinished = useCallback(() => {
    setEntries((all) => all.filter((entry) => entry.status === 'uploading' || entry.status === 'processing'));
  }, []);

  return { entries, start, cancel, dismissFinished };
}
