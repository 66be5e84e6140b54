/**
 * WebSocket protocol v1 (docs/websocket-protocol.md): the handshake at {@code /ws}
 * ({@link io.realtimeblog.realtime.protocol.WebSocketEndpoint}: allowed origins, then the transport's upgrade), what
 * the server does with each client frame ({@link io.realtimeblog.realtime.protocol.RealtimeHandler}: {@code hello},
 * {@code auth}, {@code ping}, {@code presence}), the JSON of the control frames
 * ({@link io.realtimeblog.realtime.protocol.Frames}), how a client catches up after {@code hello}
 * ({@link io.realtimeblog.realtime.protocol.CatchUp}: replay or {@code resync}, {@code ready}, the presence snapshot)
 * and presence on this instance's sockets ({@link io.realtimeblog.realtime.protocol.RealtimePresence}).
 *
 * <h2>Threads</h2>
 * <ul>
 * <li><b>Tomcat's request thread</b> ({@code http-nio-*-exec-*}) runs the handshake; Tomcat then calls
 *     {@code opened} as it hands the socket over.</li>
 * <li><b>The socket's thread</b>: a Tomcat worker that Tomcat's poller dispatches when the socket is readable,
 *     one at a time per socket (under Tomcat's lock of the socket), runs {@code text}, {@code heard} and
 *     {@code refused}; a write's completion runs {@code written} on a worker too. What may block there:
 *     <ul>
 *     <li>{@code hello} and {@code auth} with a token: {@code AccessTokenVerifier.verify} reads the user's current
 *         role and status from the database;</li>
 *     <li>{@code hello} with nothing to replay is finished on this thread, and for staff that reads the presence
 *         snapshot ({@code presence_leases}, and the posts' audiences for authors and contributors);</li>
 *     <li>{@code presence} frames: the post's audience and the lease are read and written in the database, and a
 *         notice is sent to Kafka ({@code KafkaTemplate.send}, which waits up to {@code max.block.ms} when the
 *         broker's metadata is missing).</li>
 *     </ul>
 *     These are the known exceptions to "no database or Kafka on a socket's thread" (docs/architecture.md). A hello
 *     with something to replay is handed to the replay pool and returns at once.</li>
 * <li><b>{@code realtime-replay-N}</b> (package {@code stream}) runs {@code CatchUp}'s completion of a replay:
 *     filters the replayed entries by the posts' current audiences, reads the presence snapshot (database), and
 *     resumes the session.</li>
 * <li><b>Whatever thread ends a connection</b> calls {@code closed}, and for a staff socket
 *     {@code RealtimePresence.closed} ends its leases in the database and announces it on Kafka: usually the socket's
 *     thread, but a failed write ends it on the thread that wrote (the stream, fan-out, replay or ticker thread).</li>
 * <li><b>{@code presence-stream}</b> (package {@code presence}) calls {@code RealtimePresence.on} for every notice
 *     of the cluster: one database query for a notice that authors or contributors may not all see, then
 *     non-blocking sends.</li>
 * </ul>
 *
 * <h2>State and locks</h2>
 * {@code RealtimeHandler}, {@code CatchUp} and {@code Frames} keep no state. {@code RealtimePresence} keeps one
 * {@code PresenceBudget} per socket in a {@code ConcurrentHashMap}; each budget is guarded by its own monitor (a
 * leaf: nothing else is locked while it is held). {@code WebSocketEndpoint} numbers connections with an
 * {@code AtomicLong}; its allowed origins are set once, at construction. This package takes no lock of its own
 * beyond those, so it adds nothing to the lock order of {@code session}.
 */
package io.realtimeblog.realtime.protocol;
