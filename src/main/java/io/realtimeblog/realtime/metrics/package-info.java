/**
 * The real-time module's meters ({@code blog.realtime.*}, docs/operations.md), in
 * {@link io.realtimeblog.realtime.metrics.RealtimeMetrics}. Counters are incremented on whichever thread the event
 * happens (socket threads, the stream and fan-out threads, replay threads, the ticker); Micrometer's counters are
 * thread-safe. Gauges are read on the scraping thread (a request to {@code /actuator/prometheus} or
 * {@code /api/status}): the stream lag is a volatile written by the {@code realtime-stream} thread; the position
 * takes the sessions' fan-out lock for a moment, the replay queue its monitor. Nothing here blocks.
 */
package io.realtimeblog.realtime.metrics;
