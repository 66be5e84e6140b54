package io.realtimeblog.media;

import java.time.Instant;
import java.util.UUID;

/** An image's alt text changed. */
public record MediaUpdated(MediaSnapshot media, MediaSnapshot.Uploader actor, Instant occurredAt)
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
