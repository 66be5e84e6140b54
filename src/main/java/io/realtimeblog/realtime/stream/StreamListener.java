package io.realtimeblog.realtime.stream;

/**
 * Takes the entries of the {@link EventStream}, in stream order, on the stream's follower thread
 * ({@code realtime-stream}): the sessions of this instance, which fan each entry out and keep it for resumes.
 */
public interface StreamListener {

    /** The last position handed over or skipped; -1 before the first. The stream restarts after it. */
    long position();

    /** The stream (re)started reading at {@code start} of the stream {@code epoch}; positions before it are not in memory. */
    void streamStarted(String epoch, long start);

    /** A new entry: queue its frames for the clients who may see it ({@link #flush} writes them). */
    void publish(StreamEntry entry);

    /** A record that is not fanned out (a duplicate or unreadable) still moves the position on. */
    void skip(long position);

    /** A batch of entries is published: start the writes. */
    void flush();
}
