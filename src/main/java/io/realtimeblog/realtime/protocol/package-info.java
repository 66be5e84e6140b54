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
 *     {@code refused}; a write's completion runs {@code written} on a worker too. It never waits on the database
 *     or Kafka: {@code text} decodes the frame and hands it to the socket's lane ({@code SocketWork}); a frame that
 *     cannot wait (a public {@code hello}, a bad or unknown frame, {@code auth} or {@code presence} on a public
 *     socket) it runs itself when the lane is idle, and a {@code ping} after {@code hello} it answers at once.</li>
 * <li><b>{@code realtime-work-N}</b> ({@code blog.realtime.work-threads}, {@code SocketWork}) run the lanes, one
 *     task of a socket at a time, in the order of its frames: {@code hello} and {@code auth} with a token
 *     ({@code AccessTokenVerifier.verify} reads the user's role and status from the database), the join and a
 *     catch-up with nothing to replay (for staff the presence snapshot: {@code presence_leases}, and the posts'
 *     audiences for authors and contributors), {@code presence} frames (the post's audience and the lease in the
 *     database, a notice to Kafka), and a staff socket's end ({@code RealtimePresence.closed}). A lane holds at most
 *     {@code blog.realtime.max-pending-frames} frames; the one that finds it full closes the socket with 1008.</li>
 * <li><b>{@code realtime-replay-N}</b> (package {@code stream}) runs {@code CatchUp}'s completion of a replay:
 *     filters the replayed entries by the posts' current audiences, reads the presence snapshot (database), and
 *     resumes the session.</li>
 * <li><b>Whatever thread ends a connection</b> (the socket's thread, or the stream, fan-out, replay or ticker thread
 *     whose write failed, perhaps inside the fan-out lock) calls {@code closed}: it removes the session and ends its
 *     lane, dropping the frames still waiting there; ending the leases runs on the lane, after the task under
 *     way.</li>
 * <li><b>{@code presence-stream}</b> (package {@code presence}) calls {@code RealtimePresence.on} for every notice
 *     of the cluster: one database query for a notice that authors or contributors may not all see, then
 *     non-blocking sends.</li>
 * </ul>
 *
 * <h2>State and locks</h2>
 * {@code CatchUp} and {@code Frames} keep no state; {@code RealtimeHandler} keeps each socket's lane in a
 * {@code ConcurrentHashMap}. A lane ({@code SocketWork.Lane}) guards its waiting tasks with its own monitor, a leaf:
 * nothing else is locked and nothing runs while it is held, so it may be taken inside the fan-out lock (a socket
 * ending there). {@code RealtimePresence} keeps one {@code PresenceBudget} per socket in a
 * {@code ConcurrentHashMap}; each budget is guarded by its own monitor (a leaf too). {@code WebSocketEndpoint}
 * numbers connections with an {@code AtomicLong}; its allowed origins are set once, at construction. This package takes no lock of its own
 * beyond those, so it adds nothing to the lock order of {@code session}.
 */
package io.realtimeblog.realtime.protocol;
