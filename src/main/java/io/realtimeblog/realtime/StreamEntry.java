package io.realtimeblog.realtime;

import java.util.UUID;

/**
 * One event as this instance fans it out: its stream position and its frames, serialised once per audience.
 * {@code publicFrame} is null when readers must not hear of the event at all. {@code ownerId} is the post's
 * author (null for deletes), used to keep other people's drafts from restricted staff.
 */
record StreamEntry(long position, UUID postId, long version, UUID ownerId, boolean touchesPublic, String staffFrame,
        String publicFrame) {
}
