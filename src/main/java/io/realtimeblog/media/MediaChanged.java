package io.realtimeblog.media;

import java.time.Instant;
import java.util.UUID;

/**
 * A committed-together change to an image, published inside the transaction that made it, so the outbox row that
 * carries it to every instance's staff sockets commits or rolls back with it.
 */
public sealed interface MediaChanged permits MediaChangedWithSnapshot, MediaDeleted {

    UUID mediaId();

    /** The image's version after this change; a delete has the last version plus one. */
    long version();

    /** Who made the change. */
    MediaSnapshot.Uploader actor();

    Instant occurredAt();
}
