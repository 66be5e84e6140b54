import type { Media, MediaEvent, MediaEventType } from '@/lib/media/types';
import type { Page, PersonRef } from '@/types/api';

export const ana: PersonRef = { id: 'user-ana', name: 'Ana' };
export const bob: PersonRef = { id: 'user-bob', name: 'Bob' };

/** An 800 × 600 PNG with renditions 640 and 320 wide. */
export function aMedia(id: string, overrides: Partial<Media> = {}): Media {
  return {
    id, url: `/media/${id}/800.png`, contentType: 'image/png', width: 800, height: 600, bytes: 12_345,
    alt: `Image ${id}`,
    variants: [{ width: 640, url: `/media/${id}/640.png` }, { width: 320, url: `/media/${id}/320.png` }],
    createdAt: '2026-12-07T04:00:00Z', uploadedBy: ana, version: 1, usedBy: [], ...overrides,
  };
}

export function aMediaEvent(type: MediaEventType, media: Media, actor: PersonRef = ana): MediaEvent {
  const snapshot: Partial<Media> = { ...media };
  delete snapshot.usedBy;
  delete snapshot.version;
  return {
    schemaVersion: 1, eventId: `${media.id}-${media.version}-${type}`, type, mediaId: media.id,
    version: media.version, occurredAt: '2026-12-07T04:00:00Z', actor,
    media: type === 'media-deleted' ? null : (snapshot as MediaEvent['media']),
  };
}

export function aMediaPage(items: Media[], overrides: Partial<Page<Media>> = {}): Page<Media> {
  return { items, page: 0, size: 30, totalItems: items.length, totalPages: 1, ...overrides };
}
