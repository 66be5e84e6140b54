import type { PersonRef } from '@/types/api';

/** A narrower rendition of an image (docs/rest-api.md "Media"). */
export interface MediaVariant {
  width: number;
  url: string;
}

/** A post that uses an image (as a cover or a Markdown image). */
export interface MediaPostRef {
  id: string;
  title: string;
}

/**
 * An image of the media library as `GET /api/media/{id}` answers it: `url` is the original size, `variants` the
 * narrower renditions, widest first. `usedBy` and `version` are absent from the `media` of a live event.
 */
export interface Media {
  id: string;
  url: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
  alt: string | null;
  variants: MediaVariant[];
  createdAt: string;
  uploadedBy: PersonRef;
  version: number;
  usedBy: MediaPostRef[];
}

export type MediaEventType = 'media-created' | 'media-updated' | 'media-deleted';

/** A media library event (docs/events.md "Media library events"): `postId` is null, `mediaId` names the image. */
export interface MediaEvent {
  schemaVersion: number;
  eventId: string;
  type: MediaEventType;
  mediaId: string;
  version: number;
  occurredAt: string;
  actor: PersonRef | null;
  /** The image after the change, without `usedBy` and `version`; absent for `media-deleted`. */
  media?: Omit<Media, 'usedBy' | 'version'> | null;
}

/** Whether a frame's event is one of the media library's (the stream carries post and media events). */
export function isMediaEvent(event: unknown): event is MediaEvent {
  if (typeof event !== 'object' || event === null) return false;
  const { type, mediaId } = event as { type?: unknown; mediaId?: unknown };
  return typeof type === 'string' && type.startsWith('media-') && typeof mediaId === 'string';
}

/** The narrowest rendition (for thumbnails), with the height that keeps the image's proportions. */
export function thumbnailOf(media: Pick<Media, 'url' | 'width' | 'height' | 'variants'>) {
  const narrowest = media.variants.reduce<MediaVariant>(
    (best, variant) => (variant.width < best.width ? variant : best),
    { width: media.width, url: media.url },
  );
  const height = Math.max(1, Math.round((media.height * narrowest.width) / media.width));
  return { url: narrowest.url, width: narrowest.width, height };
}
