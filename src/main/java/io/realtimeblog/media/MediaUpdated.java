package io.realtimeblog.media;

import java.time.Instant;

/** An image's alt text changed. */
public record MediaUpdated(MediaSnapshot media, MediaSnapshot.Uploader actor, Instant occurredAt)
        implements MediaChangedWithSnapshot {
}
