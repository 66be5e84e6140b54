/**
 * Scheduled publication: {@code ScheduleService} (schedule a post; the scheduler's publish, retry and give-up
 * steps; flagging the schedules of staff who lost the right to publish), {@code ScheduledPublisher} (the
 * {@code scheduled-publisher} thread that polls for due posts on every instance) and its settings
 * ({@code blog.posts.schedule-*}). Internal to the posts module.
 */
package io.realtimeblog.posts.scheduling;
