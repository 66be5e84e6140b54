package io.realtimeblog.media;

import java.time.Instant;
import java.util.UUID;

/** An image was uploaded and all its renditions are stored. */
public record MediaCreated(MediaSnapshot media, MediaSnapshot.Uploader actor, Instant occurredAt)
        implements MediaChanged {

    @Override
    public UUID mediaId() {
        return media.id();
    }

    @Override
    public long version() {
        return media.version();
    }
}
