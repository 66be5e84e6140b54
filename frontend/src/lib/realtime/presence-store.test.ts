import { describe, expect, it } from 'vitest';
import { PresenceStore } from './presence-store';

const ana = { id: 'ana', name: 'Ana' };
const bob = { id: 'bob', name: 'Bob' };

describe('PresenceStore', () => {
  it('tracks who is editing which post from presence frames', () => {
    let now = 1_000;
    const store = new PresenceStore(() => now);
    const expiresAt = new Date(now + 30_000).toISOString();
    store.apply({ type: 'presence', postId: 'p1', user: ana, editing: true, expiresAt });
    store.apply({ type: 'presence', postId: 'p1', user: bob, editing: true, expiresAt });
    expect(store.getSnapshot().get('p1')).toEqual([ana, bob]);
    store.apply({ type: 'presence', postId: 'p1', user: ana, editing: false });
    expect(store.getSnapshot().get('p1')).toEqual([bob]);
    now += 31_000;
    store.apply({ type: 'presence', postId: 'p2', user: ana, editing: true, expiresAt: new Date(now + 30_000).toISOString() });
    // Bob's lease expired without a renewal: dropped.
    expect(store.getSnapshot().get('p1')).toBeUndefined();
    expect(store.getSnapshot().get('p2')).toEqual([ana]);
  });

  it('replaces everything with a snapshot (after connecting or a resync)', () => {
    const store = new PresenceStore(() => 0);
    store.apply({ type: 'presence', postId: 'p1', user: ana, editing: true, expiresAt: '1970-01-01T00:00:30Z' });
    store.apply({ type: 'presence-snapshot', entries: [{ postId: 'p2', user: bob, expiresAt: '1970-01-01T00:00:30Z' }] });
    expect([...store.getSnapshot().keys()]).toEqual(['p2']);
  });
});
