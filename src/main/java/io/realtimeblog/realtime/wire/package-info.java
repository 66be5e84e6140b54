/**
 * The RFC 6455 transport of the real-time module, on Tomcat's own upgrade hook: the handshake
 * ({@link io.realtimeblog.realtime.wire.WebSocketHandshake}), the client-frame reader (framing, fragments, UTF-8
 * checked as it arrives, close codes, the message size limit and the per-socket frame rate of
 * {@link io.realtimeblog.realtime.wire.WireLimits}), server frames encoded once for many sockets
 * ({@link io.realtimeblog.realtime.wire.WireFrame}) and the connection that writes them. It knows nothing of the
 * protocol's JSON: complete text messages go to a {@link io.realtimeblog.realtime.wire.ConnectionListener}. Every
 * rule it enforces, with its close code, is in docs/websocket-protocol.md ("Transport rules and limits");
 * {@code WebSocketConformanceTests} and {@code WebSocketFuzzTests} test it from a raw socket.
 *
 * <p>Threads: a connection's frames are read on the container's thread that Tomcat dispatches for a readable
 * socket, one at a time per connection, so the reader's state (including the frame-rate bucket) needs no lock;
 * listener callbacks for received frames run on that thread. Frames to send may be queued from any thread; one write
 * at a time is out per connection, and its completion (on a container thread) starts the next.
 */
package io.realtimeblog.realtime.wire;
