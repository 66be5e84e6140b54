package io.realtimeblog.posts.scheduling;

import java.util.UUID;

/** A SCHEDULED post whose time has come, as the scheduler found it: its id, version and failed attempts so far. */
record DuePost(UUID id, long version, int attempts) {
}
