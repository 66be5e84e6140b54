import type { PersonRef } from '@/types/api';
import type { ServerFrame } from './frames';

/** Without a stated expiry an entry lives as long as a server lease (blog.realtime.presence-ttl). */
const DEFAULT_TTL_MS = 30_000;

export type PresenceSnapshot = ReadonlyMap<string, readonly PersonRef[]>;

/**
 * Who is editing which post, fed by `presence` and `presence-snapshot` frames (briefs/presence-protocol.md).
 * An entry whose lease expired without a renewal is dropped here too, so a tab that vanished without a word
 * does not show as editing forever.
 */
export class PresenceStore {
  private readonly leases = new Map<string, Map<string, { user: PersonRef; expiresAt: number }>>();
  private snapshot: PresenceSnapshot = new Map();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  getSnapshot = (): PresenceSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Applies a frame; frames of other types are ignored. */
  apply(frame: ServerFrame): void {
    if (frame.type === 'presence-snapshot') {
      this.leases.clear();
      frame.entries.forEach((entry) => this.put(entry.postId, entry.user, entry.expiresAt));
    } else if (frame.type === 'presence') {
      if (frame.editing) this.put(frame.postId, frame.user, frame.expiresAt);
      else this.leases.get(frame.postId)?.delete(frame.user.id);
    } else {
      return;
    }
    this.changed();
  }

  clear(): void {
    this.leases.clear();
    this.changed();
  }

  /** Drops expired entries; returns whether any was dropped. */
  prune(): boolean {
    const now = this.now();
    let dropped = false;
    this.leases.forEach((users) =>
      users.forEach((lease, userId) => {
        if (lease.expiresAt <= now) dropped = users.delete(userId) || dropped;
      }),
    );
    return dropped;
  }

  private put(postId: string, user: PersonRef, expiresAt: string | undefined): void {
    const parsed = expiresAt ? Date.parse(expiresAt) : NaN;
    const users = this.leases.get(postId) ?? new Map();
    users.set(user.id, { user, expiresAt: Number.isNaN(parsed) ? this.now() + DEFAULT_TTL_MS : parsed });
    this.leases.set(postId, users);
  }

  private changed(): void {
    this.prune();
    const next = new Map<string, PersonRef[]>();
    this.leases.forEach((users, postId) => {
      if (users.size === 0) this.leases.delete(postId);
      else next.set(postId, [...users.values()].map((lease) => lease.user).sort((a, b) => a.name.localeCompare(b.name)));
    });
    this.snapshot = next;
    this.scheduleExpiry();
    this.listeners.forEach((listener) => listener());
  }

  private scheduleExpiry(): void {
    clearTimeout(this.timer);
    let next = Infinity;
    this.leases.forEach((users) => users.forEach((lease) => (next = Math.min(next, lease.expiresAt))));
    if (next === Infinity) return;
    this.timer = setTimeout(() => this.changed(), Math.max(0, next - this.now()) + 50);
  }
}
