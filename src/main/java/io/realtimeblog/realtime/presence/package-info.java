/**
 * Who is editing what, across the cluster ("Ana is editing"): leases in the {@code presence_leases} table
 * ({@link io.realtimeblog.realtime.presence.PresenceLeases}), notices of every change on the {@code blog-presence}
 * topic ({@link io.realtimeblog.realtime.presence.PresenceAnnouncer} sends, {@link
 * io.realtimeblog.realtime.presence.PresenceStream} reads), expiry of leases nobody renewed
 * ({@link io.realtimeblog.realtime.presence.PresenceSweeper}), and one socket's allowance of presence frames
 * ({@link io.realtimeblog.realtime.presence.PresenceBudget}). What reaches which socket is decided in package
 * {@code protocol} ({@code RealtimePresence}).
 *
 * <h2>Threads</h2>
 * <ul>
 * <li><b>{@code presence-stream}</b> ({@code PresenceStream}, one per instance): blocks in {@code Consumer.poll}
 *     (500 ms at a time) and calls the {@link io.realtimeblog.realtime.presence.PresenceListener} for each notice,
 *     which may query the database.</li>
 * <li><b>{@code presence-sweeper}</b> ({@code PresenceSweeper}, once a second): deletes expired leases (database)
 *     and announces the editors who are gone (Kafka). Its {@code stop} ends this instance's leases on the thread
 *     that stops the application.</li>
 * <li>The callers of {@code PresenceLeases} and {@code PresenceAnnouncer} in package {@code protocol}: socket
 *     threads (presence frames, the snapshot after a hello), replay threads (the snapshot after a replay), the thread
 *     that ends a connection. Each call blocks on the database; an announcement blocks only while the producer
 *     waits for the broker's metadata or buffer space ({@code max.block.ms}).</li>
 * <li>Kafka's producer thread ({@code kafka-producer-network-thread}) runs the send callbacks (logging only).</li>
 * </ul>
 *
 * <h2>State and locks</h2>
 * The state is the database's: {@code PresenceLeases} and {@code PresenceAnnouncer} keep none (their fields are set
 * once), and concurrent writers, on this instance or others, are settled by the database (an insert that meets a
 * duplicate key updates instead; only the instance whose DELETE removed a row announces it). A
 * {@code PresenceBudget} is guarded by its own monitor (a leaf lock). {@code PresenceSweeper}'s timer is
 * created and shut down by the application's lifecycle thread only; {@code running} is volatile.
 */
package io.realtimeblog.realtime.presence;
