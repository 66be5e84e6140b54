package io.realtimeblog.realtime;

import java.util.UUID;

import io.realtimeblog.realtime.wire.WireFrame;

/**
 * One event as this instance fans it out: its stream position and its frames, encoded for the wire once per
 * audience. {@code publicFrame} is null when readers must not hear of the event at all. {@code ownerId} is the
 * post's author (null for deletes), used to keep other people's drafts from restricted staff.
 */
record StreamEntry(long position, UUID postId, long version, UUID ownerId, boolean touchesPublic,
        WireFrame staffFrame, WireFrame publicFrame) {
}
