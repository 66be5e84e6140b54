import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { uploadMedia } from '@/lib/media/upload-media';
import type { Media } from '@/lib/media/types';
import { errorMessage, ProblemError } from '@/lib/problem-error';
import { putInLists } from './apply-event';

export type UploadStatus = 'waiting' | 'uploading' | 'processing' | 'done' | 'failed' | 'cancelled';

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

/** At most this many files are sent at once; the rest wait their turn ("Waiting"). */
export const PARALLEL_UPLOADS = 3;

/**
 * The page's uploads, several files at once, each with its own progress and outcome. At most
 * {@link PARALLEL_UPLOADS} are sent at a time: the server decodes only a few images at once per instance
 * (`blog.media.max-concurrent-decodes`) and answers 503 to an upload that waits too long for a slot, so a drop of
 * fifty photos must not become fifty requests at once. A stored image goes into the cached lists at once (its
 * `media-created` event, arriving later, then changes nothing).
 */
export function useUploads() {
  const queryClient = useQueryClient();
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const nextKey = useRef(1);
  const waiting = useRef<{ key: number; file: File }[]>([]);
  const controllers = useRef(new Map<number, AbortController>());

  const update = useCallback((key: number, change: Partial<UploadEntry>) => {
    setEntries((all) => all.map((entry) => (entry.key === key ? { ...entry, ...change } : entry)));
  }, []);

  const pump = useCallback(function pump() {
    while (controllers.current.size < PARALLEL_UPLOADS && waiting.current.length > 0) {
      const { key, file } = waiting.current.shift()!;
      const controller = new AbortController();
      controllers.current.set(key, controller);
      update(key, { status: 'uploading' });
      uploadMedia(file, {
        signal: controller.signal,
        onProgress: ({ fraction }) => update(key, { fraction, status: fraction >= 1 ? 'processing' : 'uploading' }),
      }).then((media) => {
        update(key, { status: 'done', fraction: 1, media });
        putInLists(queryClient, media);
      }, (error: unknown) => {
        const cancelled = error instanceof DOMException && error.name === 'AbortError';
        update(key, cancelled ? { status: 'cancelled' } : { status: 'failed', error: uploadErrorMessage(error) });
      }).finally(() => {
        controllers.current.delete(key);
        pump();
      });
    }
  }, [queryClient, update]);

  const start = useCallback((files: Iterable<File>) => {
    const added: UploadEntry[] = [];
    for (const file of files) {
      const key = nextKey.current++;
      waiting.current.push({ key, file });
      added.push({ key, name: file.name, bytes: file.size, fraction: 0, status: 'waiting' });
    }
    setEntries((all) => [...all, ...added]);
    pump();
  }, [pump]);

  const cancel = useCallback((key: number) => {
    const queued = waiting.current.findIndex((item) => item.key === key);
    if (queued >= 0) {
      waiting.current.splice(queued, 1);
      update(key, { status: 'cancelled' });
    }
    controllers.current.get(key)?.abort();
  }, [update]);

  const dismissFinished = useCallback(() => {
    setEntries((all) => all.filter((entry) => isActive(entry.status)));
  }, []);

  return { entries, start, cancel, dismissFinished };
}

export const isActive = (status: UploadStatus) => status === 'waiting' || status === 'uploading' || status === 'processing';
