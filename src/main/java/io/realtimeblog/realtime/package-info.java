/**
 * Live updates over WebSockets: every instance follows the {@code blog-events} topic and pushes each event to the
 * clients connected to it that may see it; a client that reconnects resumes from its last position.
 *
 * <p>The module's API is this package: {@link io.realtimeblog.realtime.RealtimeProperties} ({@code blog.realtime.*})
 * and {@link io.realtimeblog.realtime.CloseCodes} (protocol v1's close codes). Its sub-packages are internal, and
 * depend on each other one way only: {@code protocol} uses {@code session}, {@code stream}, {@code presence} and
 * {@code wire}; {@code session} uses {@code stream} and {@code wire}; {@code stream} uses {@code wire} (the stream
 * hands entries to the sessions through its {@code StreamListener}); any of them may use this package and
 * {@code metrics}; {@code wire} uses nothing of the application.
 * <ul>
 * <li>{@code stream}: follows the topic (the {@code realtime-stream} thread), keeps the resume buffer, serves
 *     replays on the {@code realtime-replay-N} threads;</li>
 * <li>{@code session}: the connected clients, what each may receive, the fan-out writes
 *     ({@code realtime-fan-out-N}), the once-a-second {@code realtime-ticker} and the staff re-check;</li>
 * <li>{@code protocol}: the {@code /ws} endpoint and protocol v1 on Tomcat's threads: hello, catch-up, in-band
 *     auth, presence frames;</li>
 * <li>{@code presence}: who is editing what across instances ({@code presence-stream}, {@code presence-sweeper});</li>
 * <li>{@code metrics}: the module's meters;</li>
 * <li>{@code wire}: the RFC 6455 transport on Tomcat's upgrade hook.</li>
 * </ul>
 *
 * <p>Threads and locks: each sub-package's {@code package-info} lists the threads that run its code, what they may
 * block on and which lock guards which state; docs/architecture.md ("Threads and locks in realtime") puts them on
 * one page. Locks are only ever taken in this order: the fan-out lock of {@code RealtimeSessions}, then a
 * {@code ClientSession}'s monitor, then a connection's {@code WaitingFrames}. Nothing in this package runs on a
 * thread of its own; {@code RealtimeProperties} is immutable.
 */
package io.realtimeblog.realtime;
