// Shapes of the staff API (docs/rest-api.md) and the event contract (docs/events.md) shared across features.

export type Role = 'ADMIN' | 'EDITOR' | 'AUTHOR' | 'CONTRIBUTOR';

export type PostStatus = 'DRAFT' | 'SCHEDULED' | 'PUBLISHED';

export interface PersonRef {
  id: string;
  name: string;
}

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** An administrator reset the password: the user must choose a new one before anything else. */
  passwordChangeRequired?: boolean;
}

/** A row of `GET /api/posts` (no body) — also the `post` carried by an event. */
export interface PostSummary {
  id: string;
  title: string;
  slug: string;
  excerpt: string | null;
  status: PostStatus;
  tags: string[];
  author: PersonRef;
  publishedAt: string | null;
  scheduledAt?: string | null;
  createdAt?: string;
  updatedAt: string;
  version: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

export type BlogEventType =
  | 'blog-created'
  | 'blog-updated'
  | 'blog-deleted'
  | 'blog-published'
  | 'blog-unpublished'
  | 'blog-scheduled'
  | 'blog-schedule-failed';

export interface BlogEvent {
  schemaVersion: number;
  eventId: string;
  type: BlogEventType;
  postId: string;
  version: number;
  occurredAt: string;
  actor: PersonRef | null;
  wasPublic?: boolean;
  /** The post after the change; null for `blog-deleted`. */
  post: PostSummary | null;
}

/** `GET /api/posts/{id}`: a post in full, with its Markdown `body` and the server-sanitised `bodyHtml`. */
/** A post's cover image: an image of the media library and the post's alt text for it. */
export interface FeatureImage {
  mediaId: string;
  alt: string;
}

export interface PostView extends PostSummary {
  body: string | null;
  bodyHtml: string | null;
  featureImage?: FeatureImage | null;
  scheduleFailed?: boolean;
  scheduleError?: string | null;
}
