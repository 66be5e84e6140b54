/**
 * Following the event topic on this instance: {@link io.realtimeblog.realtime.stream.EventStream} reads partition 0
 * of {@code blog-events} and turns each record into a {@link io.realtimeblog.realtime.stream.StreamEntry} (parsed
 * once, one frame per audience, {@link io.realtimeblog.realtime.stream.PublicView} deciding what readers get),
 * drops the relay's duplicates, and hands the entries in order to its
 * {@link io.realtimeblog.realtime.stream.StreamListener} (the sessions). The resume buffer
 * ({@link io.realtimeblog.realtime.stream.RecentEvents}) keeps the last entries; the
 * {@link io.realtimeblog.realtime.stream.ReplayPool} serves the replays that need the posts' current state or an
 * older range of the topic ({@link io.realtimeblog.realtime.stream.KafkaReplay}).
 *
 * <h2>Threads</h2>
 * <ul>
 * <li><b>{@code realtime-stream}</b> (one per instance, {@code EventStream}, started before the web server
 *     opens): blocks in {@code Consumer.poll} (200 ms at a time) and, at each (re)start, on the broker's metadata
 *     (offsets, the topic's id). For every record it calls the listener's {@code publish} or {@code skip}, and after
 *     every non-empty poll {@code flush}, which makes it wait for the fan-out threads (package {@code session}).
 *     It never touches the database. {@link io.realtimeblog.realtime.stream.Duplicates} is a local of this
 *     thread.</li>
 * <li><b>{@code realtime-replay-1..N}</b> ({@code blog.realtime.replay-threads}, {@code ReplayPool}): wait on the
 *     pool's queue; each serves a batch: one Kafka read of up to 10 s (its own
 *     {@code KafkaReplay}, confined to the thread) and one database query per thousand posts
 *     ({@code PostAudiences}), then calls each request's {@code Done} on the same thread (package
 *     {@code protocol}: builds the client's frames, reads the presence snapshot from the database, writes to the
 *     socket without blocking). Blocking here is the point: it keeps resumes off Tomcat's threads.</li>
 * <li>The application's start-up thread waits in {@code EventStream.start} (at most 20 s) until the stream has
 *     caught up with the end of the topic; a scrape of the metrics reads the pool's queue length.</li>
 * </ul>
 *
 * <h2>State and locks</h2>
 * <ul>
 * <li>{@code ReplayPool}: the queue of waiting replays is guarded by its own monitor ({@code waiting}); replay
 *     threads wait on it and leave it before serving. No other lock is taken while holding it.</li>
 * <li>{@code RecentEvents} has no lock of its own: its owner ({@code RealtimeSessions}) only touches it under its
 *     fan-out lock.</li>
 * <li>{@code StreamEntry} and its frames are immutable and shared by every thread and session;
 *     {@code EntryFactory} and {@code PublicView} keep no state.</li>
 * </ul>
 */
package io.realtimeblog.realtime.stream;
