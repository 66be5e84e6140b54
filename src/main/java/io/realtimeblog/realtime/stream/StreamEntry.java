package io.realtimeblog.realtime.stream;

import java.util.UUID;

import io.realtimeblog.posts.PostStatus;
import io.realtimeblog.realtime.wire.WireFrame;

/**
 * One event as this instance fans it out: its stream position, the post's state after the change, and its frames,
 * encoded for the wire once per audience. {@code publicFrame} is null when readers must not hear of the event at
 * all, and is the reduced removal (no content) when a public post stopped being public.
 *
 * @param ownerId the post's author (null for deletes, whose event carries no post)
 * @param status the post's status after the change; null when the change deleted it
 * @param wasPublic whether readers could see the post before the change
 * @param staffOnly an event of the media library ({@code media-*}): {@code postId} is the image's id, every staff
 *                  member gets it, readers never do, and no post rule applies
 */
public record StreamEntry(long position, UUID postId, long version, UUID ownerId, PostStatus status, boolean wasPublic,
        WireFrame staffFrame, WireFrame publicFrame, boolean staffOnly) {

    public boolean deleted() {
        return status == null;
    }
}
