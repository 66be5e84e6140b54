package io.realtimeblog.realtime.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Drops events the relay sent twice (delivery to Kafka is at least once): an event whose version is not newer
 * than the last one seen for its post is a duplicate. A cache that the stream rebuilds as it reads. Used by the
 * stream's single thread only.
 */
final class Duplicates {

    private final Map<UUID, Long> lastVersion = new HashMap<>();

    /** True if the entry is new (and remembers it), false if it repeats one already seen. */
    boolean firstTime(UUID postId, long version) {
        Long last = lastVersion.get(postId);
        if (last != null && version <= last) {
            return false;
        }
        lastVersion.put(postId, version);
        return true;
    }
}
