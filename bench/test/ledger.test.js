import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ledger, marker, postId, readEvent } from '../src/ledger.js';

const ALL = 1;
const STAFF = 2;
const UNKNOWN = 3;

function frame(seq, sent, postId = '6f1c2b1e-0000-4000-8000-000000000001', version = 7) {
  const event = { schemaVersion: 1, eventId: 'e', type: 'blog-updated', postId, version, occurredAt: 'x', actor: null,
    post: { id: postId, title: 'T', excerpt: seq === null ? 'plain' : marker(seq, sent), version } };
  return Buffer.from(JSON.stringify({ type: 'event', position: 12, event }));
}

test('an event frame yields the write it came from, its send time, position, post and version', () => {
  const buf = frame(42, 123456789);
  const event = readEvent(buf);
  assert.equal(event.seq, 42);
  assert.equal(event.sent, 123456789);
  assert.equal(event.position, 12);
  assert.equal(event.version, 7);
  assert.equal(postId(buf, event), '6f1c2b1e-0000-4000-8000-000000000001');
});

test('control frames are not events and events of other writers carry no seq', () => {
  assert.equal(readEvent(Buffer.from('{"type":"heartbeat"}')), null);
  assert.equal(readEvent(Buffer.from('{"type":"ready","audience":"staff","position":3}')), null);
  assert.equal(readEvent(frame(null, 0)).seq, -1);
});

test('every expected write received once: nothing lost, nothing duplicated', () => {
  const ledger = new Ledger(2);
  [0, 1, 2, 3].forEach((s) => ledger.record(s));
  assert.deepEqual(ledger.settle(Uint8Array.of(ALL, ALL, ALL, ALL), false),
    { lost: 0, duplicated: 0, unexpected: 0, missingFirst: -1 });
  assert.equal(ledger.complete(Uint8Array.of(ALL, ALL, ALL, ALL), false), true);
});

test('a missing write is lost and a second copy is a duplicate', () => {
  const ledger = new Ledger();
  [0, 2, 2, 2].forEach((s) => ledger.record(s));
  const result = ledger.settle(Uint8Array.of(ALL, ALL, ALL), true);
  assert.deepEqual(result, { lost: 1, duplicated: 2, unexpected: 0, missingFirst: 1 });
  assert.equal(ledger.complete(Uint8Array.of(ALL, ALL, ALL), true), false);
});

test('writes on unpublished posts are expected by staff only; a reader receiving one is unexpected', () => {
  const expected = Uint8Array.of(STAFF, ALL);
  const reader = new Ledger();
  reader.record(1);
  assert.deepEqual(reader.settle(expected, false), { lost: 0, duplicated: 0, unexpected: 0, missingFirst: -1 });
  const staff = new Ledger();
  staff.record(1);
  assert.equal(staff.settle(expected, true).lost, 1);
  reader.record(0);
  assert.equal(reader.settle(expected, false).unexpected, 1);
});

test('a failed write expects nothing and a timed-out one is counted neither way', () => {
  const ledger = new Ledger();
  ledger.record(2);
  const result = ledger.settle(Uint8Array.of(0, UNKNOWN, UNKNOWN), true);
  assert.deepEqual(result, { lost: 0, duplicated: 0, unexpected: 0, missingFirst: -1 });
  ledger.record(0);
  assert.equal(ledger.settle(Uint8Array.of(0, UNKNOWN, UNKNOWN), true).unexpected, 1);
});

test('the ledger grows past its first capacity', () => {
  const ledger = new Ledger(4);
  ledger.record(5000);
  assert.equal(ledger.countOf(5000), 1);
  assert.equal(ledger.received, 1);
});
