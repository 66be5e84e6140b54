/**
 * The RFC 6455 transport of the real-time module, on Tomcat's own upgrade hook: the handshake
 * ({@link io.realtimeblog.realtime.wire.WebSocketHandshake}), the client-frame reader (framing, fragments, UTF-8
 * checked as it arrives, close codes, the message size limit and the per-socket frame rate of
 * {@link io.realtimeblog.realtime.wire.WireLimits}), server frames encoded once for many sockets
 * ({@link io.realtimeblog.realtime.wire.WireFrame}) and the connection
 * ({@link io.realtimeblog.realtime.wire.WebSocketConnection}: its queue of frames, the close handshake and
 * Tomcat's callbacks; its read side in {@code ConnectionReader}, its socket writes in {@code SocketWrites}). It
 * knows nothing of the protocol's JSON: complete text messages go to a
 * {@link io.realtimeblog.realtime.wire.ConnectionListener}. Every rule it enforces, with its close code, is in
 * docs/websocket-protocol.md ("Transport rules and limits"); {@code WebSocketConformanceTests} and
 * {@code WebSocketFuzzTests} test it from a raw socket.
 *
 * <h2>Threads</h2>
 * <ul>
 * <li><b>Tomcat's request thread</b> runs the handshake ({@code WebSocketHandshake.upgrade}) and
 *     {@code WebSocketConnection.configure}; Tomcat then sets the socket and calls {@code init}
 *     ({@code ConnectionListener.opened}) before any frame is read.</li>
 * <li><b>The socket's thread</b>: a container worker that Tomcat's poller dispatches for a readable (or, for a
 *     write that did not finish, writable) socket. Tomcat runs one event of a socket at a time, under its lock of
 *     the socket, so the read side ({@code ConnectionReader}, its {@code FrameDecoder} and {@code FrameRate}
 *     bucket) is confined to it and needs no lock of ours. Listener callbacks for received frames ({@code text},
 *     {@code heard}, {@code refused}) run on it: whatever they block on holds the socket's reading and one of the
 *     container's threads.</li>
 * <li><b>Any thread</b> may queue a frame ({@code send}: {@code WaitingFrames}' monitor), start a write
 *     ({@code flush}), close or abort: the stream and fan-out threads, replay threads, the ticker, the socket's
 *     thread. Writes are never blocking: what the kernel does not take at once is left to Tomcat's asynchronous
 *     write, whose completion ({@code SocketWrites.completed}) runs on a container worker and starts the next
 *     write.</li>
 * <li><b>{@code closed}</b> runs once, on whichever thread noticed the end: the socket's thread (end of stream, a
 *     close handshake), a thread whose write failed, the ticker ({@code expireIfStuck}), or Tomcat's
 *     {@code destroy}.</li>
 * </ul>
 *
 * <h2>State and locks</h2>
 * <ul>
 * <li>{@code WebSocketConnection.writing} is a try-lock on the write side (compare-and-set 0 to 1): its holder is
 *     the only thread that writes to the socket until it sets it back, or hands it to the write's completion.
 *     Direct writes go to Tomcat's {@code NioChannel} without Tomcat's lock of the socket; they are safe because
 *     only this connection writes to its socket and Tomcat's own write buffer is empty (checked first).</li>
 * <li>{@code WaitingFrames} is guarded by its own monitor, the last lock in the module's order (nothing is
 *     called while it is held).</li>
 * <li>The close handshake's flags and deadlines are volatile (each field says who writes it); {@code finished}
 *     is set once by compare-and-set, so {@code closed} is called once.</li>
 * <li>{@code WireFrame}s are immutable and shared by many connections (each write takes its own view of the
 *     bytes).</li>
 * </ul>
 */
package io.realtimeblog.realtime.wire;
