/**
 * The clients connected to this instance and the fan-out to them: one
 * {@link io.realtimeblog.realtime.session.ClientSession} per socket (its audience, token and catch-up state, and
 * which frames of an entry it may get), {@link io.realtimeblog.realtime.session.RealtimeSessions} (all of them, the
 * stream's position and resume buffer, and the decision how a joining client catches up),
 * {@link io.realtimeblog.realtime.session.FanOutThreads} (the writes after each batch), and the sessions' timers:
 * {@link io.realtimeblog.realtime.session.RealtimeTicker} (hello timeout, token expiry, idleness, stuck writes,
 * heartbeats, the 1012 on shutdown) and {@link io.realtimeblog.realtime.session.StaffRecheck} (disabled users,
 * changed roles, revoked tokens).
 *
 * <h2>Threads</h2>
 * <ul>
 * <li><b>{@code realtime-stream}</b> (package {@code stream}) calls {@code publish}, {@code skip},
 *     {@code streamStarted} under the fan-out lock, then {@code flush}: it flushes stripe 0 itself and waits for
 *     the other stripes.</li>
 * <li><b>{@code realtime-fan-out-1..N-1}</b> ({@code blog.realtime.fan-out-threads} minus one, {@code FanOutThreads})
 *     each flush one stripe of the sessions: non-blocking socket writes only.</li>
 * <li><b>Tomcat's threads</b> (package {@code protocol}): the socket's thread adds sessions and marks them heard;
 *     the thread that notices a connection's end removes its session (that may be any thread that wrote to it: see
 *     {@code wire}).</li>
 * <li><b>{@code realtime-work-N}</b> (package {@code protocol}, and the socket's thread for frames that cannot
 *     wait) join sessions, refresh tokens and send replies.</li>
 * <li><b>{@code realtime-replay-N}</b> (package {@code stream}) resumes a session after its replay.</li>
 * <li><b>{@code realtime-ticker}</b> ({@code RealtimeTicker}, once a second) closes, expires and sends heartbeats;
 *     it never blocks. Its {@code stop} runs on the thread that stops the application.</li>
 * <li><b>Spring's scheduler</b> ({@code scheduling-1}) runs {@code StaffRecheck}: one database query per round
 *     (the users of the open staff sockets), then closes.</li>
 * <li><b>{@code presence-stream}</b> (package {@code protocol}) sends presence frames to sessions; a metrics scrape
 *     reads the position and counts joined sessions.</li>
 * </ul>
 * Nothing here blocks on the database or Kafka except {@code StaffRecheck} on the scheduler's thread. Frames are
 * only ever queued and written without blocking; a client that cannot keep up is closed (4008) rather than
 * waited for.
 *
 * <h2>State and locks</h2>
 * <ul>
 * <li><b>The fan-out lock</b> ({@code RealtimeSessions.fanOut}) guards the stream's position, epoch and start and
 *     the resume buffer, and makes {@code publish} and {@code join} exclusive, so a joining client gets every
 *     entry exactly once: in its replay (decided under the lock) or live (queued after it).</li>
 * <li><b>A session's monitor</b> ({@code ClientSession}) guards its held-back live frames while it waits for its
 *     replay ({@code held}, {@code paused}); {@code activate} takes it under the fan-out lock, {@code resume} on its
 *     own.</li>
 * <li>The session map is a {@code ConcurrentHashMap}; iterating it is weakly consistent (a session added during a
 *     publish may or may not get that entry, which is why {@code join} takes the fan-out lock).</li>
 * <li>The rest of a session's fields are volatile (each says who writes it) or final.</li>
 * </ul>
 * Lock order: the fan-out lock, then a session's monitor, then the connection's {@code WaitingFrames} (package
 * {@code wire}). No thread takes the fan-out lock while holding a session's monitor.
 */
package io.realtimeblog.realtime.session;
