package io.realtimeblog.media;

import java.time.Instant;

/** An image was uploaded and all its renditions are stored. */
public record MediaCreated(MediaSnapshot media, MediaSnapshot.Uploader actor, Instant occurredAt)
        implements MediaChangedWithSnapshot {
}
