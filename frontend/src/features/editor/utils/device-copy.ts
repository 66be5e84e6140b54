import type { PostFields } from './post-form';

/**
 * Unsaved text kept in this browser (localStorage), one entry per user and post (`new` for a post not yet
 * created), so a crash, a closed tab or a reload loses nothing. localStorage rather than IndexedDB: writes are
 * synchronous, so the copy is on disk before `pagehide` ends the page, and a post is far below its quota.
 */
export interface DeviceCopy {
  fields: PostFields;
  /** The server version the text was typed on. */
  baseVersion: number | null;
  /** When it was kept (ISO-8601). */
  keptAt: string;
}

const PREFIX = 'realtime-blog.unsaved';

export function deviceCopyKey(userId: string, postId: string | undefined): string {
  return `${PREFIX}.${userId}.${postId ?? 'new'}`;
}

function isCopy(value: unknown): value is DeviceCopy {
  if (typeof value !== 'object' || value === null) return false;
  const fields = (value as DeviceCopy).fields;
  return typeof fields === 'object' && fields !== null
    && ['title', 'slug', 'excerpt', 'tags', 'body'].every((name) => typeof fields[name as keyof PostFields] === 'string');
}

export function readDeviceCopy(key: string): DeviceCopy | null {
  try {
    const text = window.localStorage.getItem(key);
    const parsed: unknown = text === null ? null : JSON.parse(text);
    return isCopy(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Answers false when the browser refused (storage full or disabled), so the editor can say so. */
export function keepDeviceCopy(key: string, fields: PostFields, baseVersion: number | null, now = new Date()): boolean {
  try {
    const copy: DeviceCopy = { fields, baseVersion, keptAt: now.toISOString() };
    window.localStorage.setItem(key, JSON.stringify(copy));
    return true;
  } catch {
    return false;
  }
}

export function dropDeviceCopy(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Storage disabled: there is nothing to drop.
  }
}
