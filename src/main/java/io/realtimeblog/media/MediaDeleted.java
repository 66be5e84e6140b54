package io.realtimeblog.media;

import java.time.Instant;
import java.util.UUID;

/** An image was deleted; its renditions are removed from the store after the commit. */
public record MediaDeleted(UUID mediaId, long version, MediaSnapshot.Uploader actor, Instant occurredAt)
        implements MediaChanged {
}
