import type { BlogEvent, BlogEventType, Page, PostSummary } from '@/types/api';

export const ana = { id: 'user-ana', name: 'Ana' };
export const bob = { id: 'user-bob', name: 'Bob' };

export function aPost(id: string, version: number, overrides: Partial<PostSummary> = {}): PostSummary {
  return {
    id, title: `Post ${id}`, slug: `post-${id}`, excerpt: null, status: 'DRAFT', tags: [], author: ana,
    publishedAt: null, scheduledAt: null, updatedAt: '2026-11-26T18:00:00Z', version, ...overrides,
  };
}

export function anEvent(type: BlogEventType, post: PostSummary, actor = ana): BlogEvent {
  return {
    schemaVersion: 1, eventId: `${post.id}-${post.version}-${type}`, type, postId: post.id, version: post.version,
    occurredAt: '2026-11-26T18:00:00Z', actor, post: type === 'blog-deleted' ? null : post,
  };
}

export function aPage(items: PostSummary[], overrides: Partial<Page<PostSummary>> = {}): Page<PostSummary> {
  return { items, page: 0, size: 20, totalItems: items.length, totalPages: 1, ...overrides };
}
